namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round nine: customer-support material in English, German and Dutch from many kinds of businesses
/// (retail, banking, insurance, energy, telecom, travel, property management, healthcare, education, software),
/// written without reading the recognizers or the earlier rounds' texts. Each <c>{PLACEHOLDER}</c> is filled by
/// <see cref="RoundThreeValues"/>; templates without one are hard negatives that look like personal data but hold none.
/// </summary>
internal static partial class HeldOutRoundNineTexts
{
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
    [
        .. English().Select(t => ("en", t)),
        .. EnglishMore().Select(t => ("en", t)),
        .. German().Select(t => ("de", t)),
        .. GermanMore().Select(t => ("de", t)),
        .. Dutch().Select(t => ("nl", t)),
        .. DutchMore().Select(t => ("nl", t)),
        .. HardNegativesEnglish().Select(t => ("en", t)),
        .. HardNegativesGerman().Select(t => ("de", t)),
        .. HardNegativesDutch().Select(t => ("nl", t)),
    ];
}
