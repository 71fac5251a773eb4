using System.Globalization;
using PrivacyEf.Access.Masking;

namespace PrivacyEf.Tests.Access;

public sealed class ValueMaskerTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(MaskStyle.Hidden)]
    [InlineData(MaskStyle.Redacted)]
    [InlineData(MaskStyle.Email)]
    [InlineData(MaskStyle.Last4)]
    [InlineData(MaskStyle.Initials)]
    [InlineData(MaskStyle.YearOnly)]
    [InlineData(MaskStyle.Pseudonym)]
    [InlineData(MaskStyle.Default)]
    public void Null_and_empty_stay_as_they_are(MaskStyle style)
    {
        Assert.Null(Mask(null, style));
        Assert.Equal("", Mask("", style));
    }

    [Theory]
    [InlineData("ada@analytical.example", "a***@analytical.example")]
    [InlineData("a@b.c", "a***@b.c")]
    [InlineData("@nolocal.example", "***@nolocal.example")]
    [InlineData("not an address", "***")]
    [InlineData("trailing@", "***")]
    [InlineData("🙂smile@example.org", "🙂***@example.org")]
    [InlineData("e\u0301lise@example.fr", "e\u0301***@example.fr")]
    public void Email_keeps_the_first_character_and_the_domain(string value, string expected) =>
        Assert.Equal(expected, Mask(value, MaskStyle.Email));

    [Theory]
    [InlineData("4111111111111111", "************1111")]
    [InlineData("12345", "*2345")]
    [InlineData("1234", "****")]
    [InlineData("1", "*")]
    [InlineData("ab🙂cd🙂", "**🙂cd🙂")]
    public void Last4_shows_only_the_last_four_and_never_a_whole_short_value(string value, string expected) =>
        Assert.Equal(expected, Mask(value, MaskStyle.Last4));

    [Fact]
    public void Last4_counts_text_elements_so_surrogate_pairs_and_combining_marks_stay_whole()
    {
        // Six text elements: "x", "👩🏽‍💻" (a ZWJ sequence of surrogate pairs), "e" + combining acute, "1", "2", "3".
        var value = "x👩🏽‍💻e\u0301123";
        var masked = Mask(value, MaskStyle.Last4)!;
        Assert.Equal("**" + "e\u0301" + "123", masked);
        Assert.DoesNotContain('\uFFFD', masked);
        Assert.All(Enumerable.Range(0, masked.Length), i => Assert.False(char.IsHighSurrogate(masked[i]) && (i + 1 == masked.Length || !char.IsLowSurrogate(masked[i + 1]))));
    }

    [Theory]
    [InlineData("Ada Lovelace", "A. L.")]
    [InlineData("Zoë Ünal-Ørsted", "Z. Ü.")]
    [InlineData("  grace   hopper ", "g. h.")]
    [InlineData("X", "X.")]
    [InlineData("𝒜da Love", "𝒜. L.")]
    [InlineData("E\u0301mile Zola", "E\u0301. Z.")]
    public void Initials_keep_the_first_text_element_of_each_word(string value, string expected) =>
        Assert.Equal(expected, Mask(value, MaskStyle.Initials));

    [Theory]
    [InlineData("1815-12-10", "1815")]
    [InlineData("2001-02-03T04:05:06Z", "2001")]
    [InlineData("no date", "***")]
    public void YearOnly_keeps_the_year_of_a_date_text(string value, string expected) =>
        Assert.Equal(expected, Mask(value, MaskStyle.YearOnly));

    [Fact]
    public void YearOnly_turns_dates_into_january_first_of_their_year()
    {
        Assert.Equal(new DateTime(1815, 1, 1, 0, 0, 0, DateTimeKind.Utc), ValueMasker.Mask(new DateTime(1815, 12, 10, 13, 5, 0, DateTimeKind.Utc), typeof(DateTime), MaskStyle.YearOnly, PersonalDataCategory.Demographic, false, Key));
        Assert.Equal(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)), ValueMasker.Mask(new DateTimeOffset(1990, 7, 4, 8, 0, 0, TimeSpan.FromHours(2)), typeof(DateTimeOffset?), MaskStyle.Default, PersonalDataCategory.Demographic, true, Key));
        Assert.Equal(new DateOnly(2000, 1, 1), ValueMasker.Mask(new DateOnly(2000, 12, 31), typeof(DateOnly), MaskStyle.YearOnly, PersonalDataCategory.Demographic, false, Key));
    }

    [Fact]
    public void Hidden_withholds_every_kind_of_value()
    {
        Assert.Null(Mask("secret", MaskStyle.Hidden, nullable: true));
        Assert.Equal("***", Mask("secret", MaskStyle.Hidden, nullable: false));
        Assert.Equal(0, ValueMasker.Mask(42, typeof(int), MaskStyle.Hidden, PersonalDataCategory.Health, false, Key));
        Assert.Null(ValueMasker.Mask(42, typeof(int?), MaskStyle.Hidden, PersonalDataCategory.Health, true, Key));
        Assert.Null(ValueMasker.Mask(new byte[] { 1, 2 }, typeof(byte[]), MaskStyle.Default, PersonalDataCategory.Identity, true, Key));
        Assert.Equal([], (byte[])ValueMasker.Mask(new byte[] { 1, 2 }, typeof(byte[]), MaskStyle.Default, PersonalDataCategory.Identity, false, Key)!);
        Assert.Null(ValueMasker.Mask(new DateTime(2000, 5, 5), typeof(DateTime?), MaskStyle.Hidden, PersonalDataCategory.Demographic, true, Key));
    }

    [Fact]
    public void Redacted_is_a_fixed_marker() => Assert.Equal("[REDACTED]", Mask("anything at all", MaskStyle.Redacted));

    [Fact]
    public void Pseudonyms_are_stable_per_key_and_differ_between_values_and_keys()
    {
        var first = Mask("ada@analytical.example", MaskStyle.Pseudonym)!;
        Assert.Equal(first, Mask("ada@analytical.example", MaskStyle.Pseudonym));
        Assert.NotEqual(first, Mask("grace@cobol.example", MaskStyle.Pseudonym));
        Assert.NotEqual(first, ValueMasker.MaskString("ada@analytical.example", MaskStyle.Pseudonym, PersonalDataCategory.Contact, false, new byte[32]));
        Assert.StartsWith("psn_", first, StringComparison.Ordinal);
        Assert.Equal(20, first.Length);
    }

    [Theory]
    [InlineData(PersonalDataCategory.Contact, "ada@analytical.example", "a***@analytical.example")]
    [InlineData(PersonalDataCategory.Contact, "+44 20 7946 0018", "***")]
    [InlineData(PersonalDataCategory.Contact, "call ada @ home", "***")]
    [InlineData(PersonalDataCategory.Financial, "GB33BUKB20201555555555", "******************5555")]
    [InlineData(PersonalDataCategory.Identity, "Ada Lovelace", "A. L.")]
    [InlineData(PersonalDataCategory.Health, "asthma", "***")]
    [InlineData(PersonalDataCategory.Location, "Baker Street 221b", "***")]
    public void Default_picks_the_style_by_category_never_by_value(PersonalDataCategory category, string value, string expected) =>
        Assert.Equal(expected, ValueMasker.MaskString(value, MaskStyle.Default, category, nullable: false, Key));

    [Fact]
    public void Masks_do_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("I. İ.", Mask("Ida İnci", MaskStyle.Initials));
            Assert.Equal("1999", Mask("1999-01-02", MaskStyle.YearOnly));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string? Mask(string? value, MaskStyle style, bool nullable = false) =>
        ValueMasker.MaskString(value, style, PersonalDataCategory.Other, nullable, Key);
}
