namespace PrivacyEf.Inventory;

/// <summary>The purposes the application configured, and their descriptions.</summary>
internal static class PurposeDescriptions
{
    public static Func<string, string?> Of(PrivacyOptions options) =>
        purpose => options.Grants.Any(g => g.Purpose == purpose) ? null : null;

    public static IEnumerable<string> Configured(PrivacyOptions options) => options.Grants.Select(g => g.Purpose);
}
