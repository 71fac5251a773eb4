namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round six: customer-support texts (web shop, bank, telecom, health insurer, SaaS) in English, German
/// and Dutch, written without reading the recognizers or the earlier rounds' texts. Templates with placeholders
/// are filled by <see cref="RoundThreeValues"/>; templates without one are hard negatives that hold no personal
/// data. See <see cref="HeldOutRoundSixTests"/>.
/// </summary>
internal static partial class HeldOutRoundSixTexts
{
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
    [
        .. English(), .. EnglishMore(), .. German(), .. Dutch(),
        .. HardNegatives(), .. HardNegativesGerman(), .. HardNegativesDutch(),
    ];
}
