namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round eight: support texts in English, German and Dutch (mail, chat, web forms, call notes, CSV, JSON,
/// YAML and log fragments), written without reading the recognizers or the earlier rounds' texts. Templates with
/// placeholders hold personal data; those without are hard negatives that only look like it. See
/// <see cref="HeldOutRoundEightTests"/>.
/// </summary>
internal static partial class HeldOutRoundEightTexts
{
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
    [
        .. English, .. EnglishMore, .. German, .. GermanMore, .. Dutch, .. DutchMore,
        .. HardNegatives, .. HardNegativesGerman, .. HardNegativesDutch,
    ];

    private static (string Lang, string Template)[] In(string lang, params string[] templates) => [.. templates.Select(t => (lang, t))];
}
