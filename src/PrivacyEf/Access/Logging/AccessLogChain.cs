using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Access.Logging;

/// <summary>Computes the hash that chains access log entries: SHA-256 over the previous hash and a canonical, length-prefixed form of the entry.</summary>
internal static class AccessLogChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(PrivacyAccessLogEntry entry)
    {
        var canonical = new StringBuilder();

        // v2 adds the subject's kind; an entry without one keeps the v1 form, so entries written before still verify.
        Append(canonical, entry.SubjectKind is null ? "v1" : "v2");
        Append(canonical, entry.PreviousHash);
        Append(canonical, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.Actor);
        Append(canonical, entry.Purpose);
        Append(canonical, entry.Reason ?? "\0");
        Append(canonical, entry.Entity);
        Append(canonical, entry.Properties);
        if (entry.SubjectKind is { } kind)
        {
            Append(canonical, kind);
        }

        Append(canonical, entry.SubjectIds);
        Append(canonical, entry.RowCount.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.PurgedThrough?.ToString(CultureInfo.InvariantCulture) ?? "\0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Drops what a database may not keep of a time stamp (PostgreSQL keeps microseconds), so the hash survives the round trip.</summary>
    public static DateTime Normalize(DateTimeOffset moment)
    {
        var ticks = moment.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    private static void Append(StringBuilder canonical, string field) =>
        canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
}
