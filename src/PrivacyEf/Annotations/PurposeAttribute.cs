namespace PrivacyEf;

/// <summary>
/// Declares the purposes for which a personal property (or every personal property of a class) may be read.
/// Reads under any other purpose come back masked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class PurposeAttribute : Attribute
{
    /// <summary>Declares the allowed purposes.</summary>
    /// <param name="purposes">One or more non-blank purpose names, such as <c>"support"</c> or <c>"billing"</c>.</param>
    public PurposeAttribute(params string[] purposes)
    {
        Purposes = purposes ?? [];
    }

    /// <summary>The allowed purposes.</summary>
    public IReadOnlyList<string> Purposes { get; }
}
