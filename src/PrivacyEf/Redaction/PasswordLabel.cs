using System.Collections.Frozen;

namespace PrivacyEf.Redaction;

/// <summary>
/// Recognizes the word that introduces a password in English, German and Dutch: the label as written
/// ("Password", "Kennwort", "wachtwoord", "pwd"), inside a compound ("Einmalpasswort", "DB_PASSWORD",
/// "inlogwachtwoord"), abbreviated ("ww:", "Passw.:"), or misspelt by one letter ("pasword", "wachtwood").
/// </summary>
internal static class PasswordLabel
{
    private const int MinFuzzyLength = 7;
    private const int MaxFuzzyLength = 11;

    /// <summary>
    /// Where a label can start: the first letters of every label, and of their usual misspellings.
    /// ASCII only and three letters or more: one letter outside ASCII, or a two-letter trigger, makes the search
    /// several times slower for every text. "Paßwort" is found by <see cref="SharpSTrigger"/>; "pw" and "ww" by what follows them.
    /// </summary>
    public static readonly string[] Triggers = ["pas", "pss", "psa", "pwd", "pw:", "pw ", "pw=", "pw.", "p/w", "ww:", "ww ", "ww=", "ww.", "wac", "wah", "wag", "ken", "kne", "pin", "zugangsc", "toegangsc", "inlogc"];

    /// <summary>What follows "pa" in "Paßwort", searched on its own.</summary>
    public const string SharpSTrigger = "ßw";

    // Labels that a verb or a colon links to the value: "password is X", "Passwort: X".
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "password", "passwords", "passwort", "paßwort", "paswoord", "kennwort", "wachtwoord", "passphrase", "passcode", "passwd", "pwd", "pw", "pin", "pincode",
        "zugangscode", "toegangscode", "inlogcode");

    // Short labels that are also ordinary words (the Dutch "WW" is the unemployment benefit, "pass" a verb):
    // only a colon or an equals sign makes them a label.
    private static readonly FrozenSet<string> ColonOnlyWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "ww", "pass", "passw", "wachtw", "kennw", "pswd", "pword");

    // Labels long enough to be recognized at the end of a compound word.
    private static readonly string[] CompoundTails = ["passwords", "password", "passwort", "paßwort", "kennwort", "wachtwoord"];

    // One typing mistake away from one of these is still the label.
    private static readonly string[] FuzzyTargets = ["password", "passwort", "kennwort", "wachtwoord"];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ColonOnlyLookup = ColonOnlyWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a password label starts at <paramref name="start"/> (where a trigger was found).</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the trigger was found.</param>
    /// <param name="end">Where the label ends.</param>
    /// <param name="colonOnly">Whether only a colon or equals sign may link the label to its value.</param>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out int end, out bool colonOnly)
    {
        end = start;
        colonOnly = false;
        // The label of a redaction marker ("[PASSWORD:kqzvbxmwte]") is not a label.
        if (start > 0 && text[start - 1] == '[')
        {
            return false;
        }

        var wordEnd = start;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        // "P/W", and "Pass word" written as two words.
        if (text[start..].StartsWith("p/w", StringComparison.OrdinalIgnoreCase) || IsPassWord(text, start, wordEnd))
        {
            end = text[start + 1] == '/' ? start + 3 : wordEnd + " word".Length;
            return !Chars.IsWordAt(text, start - 1) && !Chars.IsWordAt(text, end);
        }

        if (Chars.IsWordAt(text, wordEnd))
        {
            return false;
        }

        var word = text[start..wordEnd];
        end = wordEnd;
        if (Chars.IsWordAt(text, start - 1) && text[start - 1] != '_')
        {
            // Inside a word: only a long label ends a compound ("Einmalpasswort", "beheerderswachtwoord").
            return IsCompoundTail(word);
        }

        if (WordLookup.Contains(word))
        {
            return true;
        }

        if (ColonOnlyLookup.Contains(word))
        {
            colonOnly = true;
            if (wordEnd < text.Length && text[wordEnd] == '.')
            {
                end = wordEnd + 1;
            }

            return true;
        }

        // "Passport" is one letter from "Passwort", and a word of its own.
        return word.Length is >= MinFuzzyLength and <= MaxFuzzyLength && !word.Equals("passport", StringComparison.OrdinalIgnoreCase) && IsOneTypoFromLabel(word);
    }

    /// <summary>Whether <paramref name="word"/> is itself a label ("Is new password = old password allowed?").</summary>
    public static bool IsLabel(ReadOnlySpan<char> word) => WordLookup.Contains(word) || ColonOnlyLookup.Contains(word);

    private static bool IsPassWord(ReadOnlySpan<char> text, int start, int wordEnd) =>
        text[start..wordEnd].Equals("pass", StringComparison.OrdinalIgnoreCase) && text[wordEnd..].StartsWith(" word", StringComparison.OrdinalIgnoreCase);

    private static bool IsCompoundTail(ReadOnlySpan<char> word)
    {
        foreach (var tail in CompoundTails)
        {
            if (word.Equals(tail, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneTypoFromLabel(ReadOnlySpan<char> word)
    {
        foreach (var target in FuzzyTargets)
        {
            if (IsWithinOneEdit(word, target))
            {
                return true;
            }
        }

        // A long label survives two mistakes: "wachtwrd", "wagtwoord".
        return word.Length >= MinFuzzyLength + 1 && EditDistance(word, "wachtwoord") <= 2;
    }

    /// <summary>One letter missing, extra, wrong, or two neighbours swapped (case ignored).</summary>
    private static bool IsWithinOneEdit(ReadOnlySpan<char> word, string target)
    {
        var lengthDifference = word.Length - target.Length;
        if (lengthDifference is < -1 or > 1)
        {
            return false;
        }

        var prefix = 0;
        var shorter = Math.Min(word.Length, target.Length);
        while (prefix < shorter && char.ToLowerInvariant(word[prefix]) == target[prefix])
        {
            prefix++;
        }

        if (prefix == word.Length && prefix == target.Length)
        {
            return true;
        }

        return lengthDifference switch
        {
            // A letter missing: the word's rest is the target's rest after one letter.
            -1 => EqualsIgnoringCase(word[prefix..], target.AsSpan(prefix + 1)),
            // A letter too many.
            1 => EqualsIgnoringCase(word[(prefix + 1)..], target.AsSpan(prefix)),
            // A wrong letter, or two swapped.
            _ => EqualsIgnoringCase(word[(prefix + 1)..], target.AsSpan(prefix + 1))
                || (prefix + 1 < word.Length && char.ToLowerInvariant(word[prefix]) == target[prefix + 1] && char.ToLowerInvariant(word[prefix + 1]) == target[prefix]
                    && EqualsIgnoringCase(word[(prefix + 2)..], target.AsSpan(prefix + 2))),
        };
    }

    /// <summary>Levenshtein distance, case ignored; only called for words of at most <see cref="MaxFuzzyLength"/> letters.</summary>
    private static int EditDistance(ReadOnlySpan<char> word, string target)
    {
        Span<int> previous = stackalloc int[target.Length + 1];
        Span<int> current = stackalloc int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= word.Length; i++)
        {
            current[0] = i;
            var c = char.ToLowerInvariant(word[i - 1]);
            for (var j = 1; j <= target.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (c == target[j - 1] ? 0 : 1));
            }

            current.CopyTo(previous);
        }

        return previous[target.Length];
    }

    private static bool EqualsIgnoringCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
