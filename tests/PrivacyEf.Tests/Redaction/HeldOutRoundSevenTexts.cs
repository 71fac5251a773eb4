namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round seven: support texts from web shops, banks, telecoms, health insurers, travel agencies, SaaS
/// vendors and payroll desks in English, German and Dutch, written without reading the recognizers or the earlier
/// rounds' texts. Placeholders are filled by <see cref="RoundThreeValues"/>; templates without a placeholder are
/// hard negatives that look like personal data but hold none.
/// </summary>
internal static partial class HeldOutRoundSevenTexts
{
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
    [
        .. English(),
        .. EnglishMore(),
        .. German(),
        .. Dutch(),
        .. HardNegatives(),
        .. HardNegativesGerman(),
        .. HardNegativesDutch(),
    ];
}
