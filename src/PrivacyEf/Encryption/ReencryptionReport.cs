using System.Globalization;
using System.Text;

namespace PrivacyEf;

/// <summary>What a run of <c>ReencryptAsync</c> did.</summary>
/// <param name="ActiveKeyId">The data key every processed value is now sealed with.</param>
/// <param name="Entities">Per entity type: rows and batches.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record ReencryptionReport(Guid ActiveKeyId, IReadOnlyList<ReencryptionResult> Entities, TimeSpan Duration)
{
    /// <summary>All rows moved in this run.</summary>
    public long TotalRows => Entities.Sum(e => e.Rows);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Re-encryption to data key {ActiveKeyId:N} took {Duration.TotalSeconds:F1} s");
        foreach (var entity in Entities)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {entity.Entity}: {entity.Rows} rows in {entity.Batches} batches");
        }

        return text.ToString();
    }
}
