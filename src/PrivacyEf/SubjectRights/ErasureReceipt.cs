using System.Globalization;
using System.Text;

namespace PrivacyEf;

/// <summary>
/// The proof of an erasure request: counts and time only, never the subject's data (GDPR Art. 17). Rows under
/// legal hold are reported, not erased.
/// </summary>
/// <param name="ErasedAt">When the erasure committed.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Entities">Per entity: rows deleted, anonymized and held.</param>
public sealed record ErasureReceipt(DateTimeOffset ErasedAt, TimeSpan Duration, IReadOnlyList<ErasureResult> Entities)
{
    /// <summary>Rows deleted or anonymized, the database's cascades included.</summary>
    public int Erased => Entities.Sum(e => e.Deleted + e.Anonymized + e.DeletedByCascade);

    /// <summary>Rows kept under legal hold.</summary>
    public int Held => Entities.Sum(e => e.Held);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Erasure committed at {ErasedAt:u} in {Duration.TotalMilliseconds:F0} ms: {Erased} rows erased, {Held} held");
        foreach (var entity in Entities)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {entity.Entity}: {entity.Deleted} deleted, {entity.Anonymized} anonymized, {entity.Held} held");
            if (entity.DeletedByCascade > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", {entity.DeletedByCascade} deleted by the database's cascade");
            }

            foreach (var reason in entity.NotDeletedBecause)
            {
                text.AppendLine().Append("    ").Append(reason);
            }
        }

        return text.ToString();
    }
}
