using System.Buffers;
using System.Collections.Frozen;

namespace PrivacyEf.Redaction;

/// <summary>
/// A value that someone already hid: a run of mask characters ("********", "••••••") or a placeholder in
/// brackets ("[removed]", "[entfernt]", "&lt;verwijderd&gt;"). Redacting it again would only hide that it was hidden.
/// </summary>
internal static class MaskedValue
{
    private const int MaxPlaceholderChars = 40;
    private const int MinMaskChars = 3;

    private static readonly FrozenSet<string> PlaceholderWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "removed", "redacted", "hidden", "masked", "omitted", "deleted", "censored", "withheld", "suppressed", "private",
        "entfernt", "geschwärzt", "gelöscht", "verborgen", "versteckt", "zensiert", "ausgeblendet", "maskiert", "unkenntlich",
        "verwijderd", "weggelaten", "afgeschermd", "gemaskeerd", "onleesbaar", "weggelakt");

    private static readonly SearchValues<char> MaskChars = SearchValues.Create("*•●·∙■◼○◦…#xX");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceholderLookup = PlaceholderWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the value starting at <paramref name="index"/> is a bracketed placeholder.</summary>
    public static bool IsPlaceholderAt(ReadOnlySpan<char> text, int index)
    {
        var close = text[index] switch
        {
            '[' => ']',
            '<' => '>',
            '(' => ')',
            '{' => '}',
            _ => '\0',
        };
        if (close == '\0')
        {
            return false;
        }

        var rest = text[(index + 1)..Math.Min(text.Length, index + MaxPlaceholderChars)];
        var end = rest.IndexOf(close);
        if (end <= 0)
        {
            return false;
        }

        // Letters only: "[Sommer2024]" is a password someone put in brackets.
        var content = rest[..end];
        foreach (var c in content)
        {
            if (!(char.IsLetter(c) || c is ' ' or '-' or '_'))
            {
                return false;
            }
        }

        foreach (var range in content.SplitAny(' ', '-', '_'))
        {
            if (PlaceholderLookup.Contains(content[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the value consists of mask characters only ("********", "•••••", "xxxxxx").</summary>
    public static bool IsMaskRun(ReadOnlySpan<char> value) =>
        value.Length >= MinMaskChars && !value.ContainsAnyExcept(MaskChars);
}
