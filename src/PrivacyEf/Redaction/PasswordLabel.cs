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

    /// <summary>Where a label can start: the first letters of every label, and of their usual misspellings.</summary>
    public static readonly string[] Triggers = ["pas", "pss", "psa", "pw", "ww", "wac", "wah", "ken", "kne", "pin"];

    // Labels that a verb or a colon links to the value: "password is X", "Passwort: X".
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "password", "passwords", "passwort", "kennwort", "wachtwoord", "passphrase", "passcode", "passwd", "pwd", "pw", "pin", "pincode");

    // Short labels that are also ordinary words (the Dutch "WW" is the unemployment benefit, "pass" a verb):
    // only a colon or an equals sign makes them a label.
    private static readonly FrozenSet<string> ColonOnlyWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "ww", "pass", "passw", "wachtw", "kennw", "pswd", "pword");

    // Labels long enough to be recognized at the end of a compound word.
    private static readonly string[] CompoundTails = ["passwords", "password", "passwort", "kennwort", "wachtwoord"];

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

        return word.Length is >= MinFuzzyLength and <= MaxFuzzyLength && IsOneTypoFromLabel(word);
    }

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

        return false;
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

    private static bool EqualsIgnoringCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
