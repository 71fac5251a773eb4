namespace PrivacyEf.Kernel;

/// <summary>The check <c>HasPurposes</c> makes at once, as the generator does for <see cref="PurposeAttribute"/> (PRIV007).</summary>
internal static class FluentPurposes
{
    public static string[] Checked(string[] purposes)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        if (purposes.Length == 0 || purposes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("HasPurposes must list at least one purpose, and no purpose may be null or blank.", nameof(purposes));
        }

        // A copy: the caller's array could change after the declaration was made.
        return [.. purposes.Distinct(StringComparer.Ordinal)];
    }
}
