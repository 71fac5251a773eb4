namespace PrivacyEf.Tests.Redaction;

/// <summary>Tests that compare run times run alone, not beside the rest of the suite, so their ratios measure the code.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
