using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// What the held-out rounds five to nine share: the soundness checks of a corpus written by someone who had not read
/// the recognizers, and its measurement. Each round's templates are filled twice with fresh values.
/// </summary>
internal static partial class HeldOutRound
{
    private const int Copies = 2;

    /// <summary>Each family and how many templates must hold at least one of its placeholders.</summary>
    private static readonly (string Family, string[] Placeholders, int Minimum)[] Families =
    [
        ("CARD", ["CARD", "CARD_SPACED", "CARD_DASHED", "CARD_BARE", "AMEX"], 15),
        ("IBAN", ["IBAN", "IBAN_DE", "IBAN_NL", "IBAN_BE", "IBAN_DE_BARE", "IBAN_NL_BARE"], 15),
        ("SSN", ["SSN", "SSN_DASHED", "SSN_SPACED", "SSN_BARE"], 15),
        ("TAX_ID", ["TAX_ID", "TAX_ID_SPACED", "TAX_ID_BARE"], 15),
        ("KVNR", ["KVNR", "KVNR_BARE"], 15),
        ("BSN", ["BSN", "BSN_DOTTED", "BSN_BARE"], 15),
        ("PASSWORD", ["PASSWORD"], 50),
        ("DOB", ["DOB"], 0),
        ("PHONE", ["PHONE_DE", "PHONE_NL", "PHONE_US", "PHONE_DE_MOBILE", "PHONE_DE_LAND", "PHONE_NL_MOBILE", "PHONE_NL_LAND", "PHONE_US2", "PHONE_INTL"], 30),
        ("EMAIL", ["EMAIL", "EMAIL2"], 30),
        ("IP", ["IP"], 15),
        ("API_KEY", ["API_KEY"], 10),
    ];

    /// <summary>
    /// Asserts that a round's corpus is sound: three languages, no stray braces or duplicate templates, at least
    /// <paramref name="minimumWithValues"/> templates with values and <paramref name="minimumHardNegatives"/> hard
    /// negatives, every placeholder family often enough (dates of birth at least <paramref name="minimumBirthDates"/>),
    /// valid check digits on every filled value, and no hard negative holding a number that passes a check (Luhn on 13
    /// to 19 digits, the elfproef on nine, an IBAN's mod 97), nor, with <paramref name="contactFreeHardNegatives"/>, an
    /// e-mail address or an IPv4 address.
    /// </summary>
    public static void AssertSound(
        IReadOnlyList<(string Lang, string Template)> templates, ulong seed, ITestOutputHelper output, int minimumWithValues, int minimumHardNegatives, int minimumBirthDates, bool contactFreeHardNegatives)
    {
        var corpus = RoundThreeValues.Build(templates, Copies, seed);

        Assert.Equal(["de", "en", "nl"], corpus.Select(t => t.Lang).Distinct().Order());
        Assert.All(templates, t => Assert.Contains(t.Lang, new[] { "en", "de", "nl" }));
        Assert.All(templates, t => Assert.DoesNotMatch(StrayBrace(), Placeholder().Replace(t.Template, string.Empty)));
        Assert.Equal(templates.Count, templates.Select(t => t.Template).Distinct(StringComparer.Ordinal).Count());

        var withPlaceholder = templates.Count(t => t.Template.Contains('{', StringComparison.Ordinal));
        Assert.True(withPlaceholder >= minimumWithValues, string.Create(CultureInfo.InvariantCulture, $"{withPlaceholder} texts with personal data, fewer than {minimumWithValues}"));
        var hardNegatives = corpus.Count(t => t.IsHardNegative);
        Assert.True(hardNegatives >= minimumHardNegatives, string.Create(CultureInfo.InvariantCulture, $"{hardNegatives} hard negatives, fewer than {minimumHardNegatives}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{withPlaceholder} templates with personal data, {hardNegatives} hard negatives, {corpus.Count} texts"));
        foreach (var lang in new[] { "en", "de", "nl" })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lang}: {templates.Count(t => t.Lang == lang && t.Template.Contains('{', StringComparison.Ordinal))} with personal data, {templates.Count(t => t.Lang == lang && !t.Template.Contains('{', StringComparison.Ordinal))} hard negatives"));
        }

        foreach (var (family, placeholders, familyMinimum) in Families)
        {
            var minimum = family == "DOB" ? minimumBirthDates : familyMinimum;
            var count = templates.Count(t => placeholders.Any(p => t.Template.Contains("{" + p + "}", StringComparison.Ordinal)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}: {count} templates"));
            Assert.True(count >= minimum, string.Create(CultureInfo.InvariantCulture, $"{family} in {count} texts, fewer than {minimum}"));
        }

        foreach (var placeholder in Families.Take(6).SelectMany(f => f.Placeholders))
        {
            var count = templates.Count(t => t.Template.Contains("{" + placeholder + "}", StringComparison.Ordinal));
            Assert.True(count >= 3, string.Create(CultureInfo.InvariantCulture, $"{placeholder} in {count} texts, fewer than 3"));
        }

        foreach (var text in corpus)
        {
            foreach (var value in text.Values)
            {
                var written = text.Text.Substring(value.Start, value.Length);
                Assert.True(HasValidCheck(value.Label, written), $"{value.Label} '{written}' has a wrong check digit");
            }
        }

        foreach (var text in corpus.Where(t => t.IsHardNegative))
        {
            if (contactFreeHardNegatives)
            {
                Assert.DoesNotContain("@", text.Text, StringComparison.Ordinal);
                Assert.DoesNotMatch(DottedQuad(), text.Text);
            }

            foreach (Match run in DigitRun().Matches(text.Text))
            {
                var digits = run.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
                Assert.False(digits.Length is >= 13 and <= 19 && ValidIdentifiers.PassesLuhn(digits), $"hard negative holds a Luhn-valid number '{run.Value}': {text.Text}");
                Assert.False(digits.Length == 9 && HasValidCheck("NL_BSN", digits), $"hard negative holds a number passing the elfproef '{run.Value}': {text.Text}");
            }

            foreach (Match dotted in DottedNine().Matches(text.Text))
            {
                Assert.False(HasValidCheck("NL_BSN", dotted.Value), $"hard negative holds a number passing the elfproef '{dotted.Value}': {text.Text}");
            }

            foreach (Match candidate in IbanLike().Matches(text.Text))
            {
                var compact = candidate.Value.Replace(" ", string.Empty, StringComparison.Ordinal);
                for (var length = 15; length <= compact.Length; length++)
                {
                    Assert.False(HasValidCheck("IBAN", compact[..length]), $"hard negative holds a valid IBAN '{compact[..length]}': {text.Text}");
                }
            }
        }
    }

    /// <summary>Runs the redactor on a round's corpus and writes the scores to the test output (the round's one measurement is in its doc comment).</summary>
    public static void Measure(IReadOnlyList<(string Lang, string Template)> templates, ulong seed, string title, ITestOutputHelper output)
    {
        var evaluation = CorpusEvaluation.Run(PiiRedactor.Default, RoundThreeValues.Build(templates, Copies, seed));
        output.WriteLine(evaluation.Table(title));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall leak rate {(double)evaluation.LeakCount / evaluation.Values:P2} ({evaluation.LeakCount}/{evaluation.Values}); checksummed leaks {evaluation.ChecksummedLeakCount}; hard negatives altered {(double)evaluation.AlteredHardNegatives / evaluation.HardNegatives:P1} ({evaluation.AlteredHardNegatives}/{evaluation.HardNegatives})"));
        evaluation.Notes.ForEach(output.WriteLine);
    }

    /// <summary>The generators' check digits, checked again on the text as written (separators removed).</summary>
    public static bool HasValidCheck(string label, string written)
    {
        var compact = new string([.. written.Where(char.IsLetterOrDigit).Select(c => char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c)]).ToUpperInvariant();
        return label switch
        {
            "CREDIT_CARD" => compact.All(char.IsAsciiDigit) && ValidIdentifiers.PassesLuhn(compact),
            "IBAN" => ValidIdentifiers.WithIbanCheck(compact[..2], compact[4..]) == compact,
            "NL_BSN" => compact.Length == 9 && Enumerable.Range(0, 8).Sum(i => (9 - i) * (compact[i] - '0')) % 11 == compact[8] - '0',
            "DE_TAX_ID" => compact.Length == 11,
            "DE_KVNR" => compact.Length == 10 && char.IsAsciiLetter(compact[0]),
            "US_SSN" => compact.Length == 9,
            _ => true,
        };
    }

    /// <summary>Digits, with single spaces or dashes between them, as a card number is written.</summary>
    [GeneratedRegex(@"\d(?:[ -]?\d)*")]
    internal static partial Regex DigitRun();

    /// <summary>Nine digits in dotted groups, as a BSN is sometimes written.</summary>
    [GeneratedRegex(@"(?<!\d)(?:\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3})(?!\d)")]
    private static partial Regex DottedNine();

    /// <summary>Two capitals, two digits and a run of capitals and digits, grouped or not: the shape of an IBAN.</summary>
    [GeneratedRegex(@"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}")]
    private static partial Regex IbanLike();

    /// <summary>Four dotted numbers, the shape of an IPv4 address (hard negatives hold none).</summary>
    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"\{[A-Z0-9_]+\}")]
    internal static partial Regex Placeholder();

    [GeneratedRegex(@"[{}]")]
    internal static partial Regex StrayBrace();
}
