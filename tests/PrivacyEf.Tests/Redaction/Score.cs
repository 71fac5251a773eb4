namespace PrivacyEf.Tests.Redaction;

/// <summary>True and false positives and false negatives of one type, and the rates they give.</summary>
internal sealed class Score
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(bool truePositive, bool falsePositive, bool falseNegative)
    {
        TruePositives += truePositive ? 1 : 0;
        FalsePositives += falsePositive ? 1 : 0;
        FalseNegatives += falseNegative ? 1 : 0;
    }

    public void Add(Score other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }
}
