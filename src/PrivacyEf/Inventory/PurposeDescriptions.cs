namespace PrivacyEf.Inventory;

/// <summary>The purposes the application configured, and their descriptions.</summary>
internal static class PurposeDescriptions
{
    public static Func<string, string?> Of(PrivacyOptions options) =>
        purpose => options.Purposes.TryGetValue(purpose, out var configured) ? configured.Description : null;

    public static IEnumerable<string> Configured(PrivacyOptions options) =>
        options.Grants.Select(g => g.Purpose).Concat(options.Purposes.Keys);
}
