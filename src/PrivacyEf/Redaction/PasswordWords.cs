using System.Collections.Frozen;

namespace PrivacyEf.Redaction;

/// <summary>The words around a password: those that link a label to its value, those that say there is no value, and those that refer back to a password already named.</summary>
internal static class PasswordWords
{
    // Words that link a label to its value.
    private static readonly FrozenSet<string> Verbs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "is", "was", "ist", "war", "lautet", "lautete", "luidt", "luidde", "wordt", "are", "sind", "zijn");

    // Words that say the sentence is about the password, not what it is.
    private static readonly FrozenSet<string> NotAValue = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "incorrect", "wrong", "expired", "invalid", "correct", "required", "too", "not", "reset", "changed", "missing", "empty", "the", "a", "an", "still", "now",
        "sent", "hidden", "secret", "strong", "weak", "forgotten", "policy", "manager", "hint", "change", "requirements", "case-sensitive", "blocked", "locked", "set",
        "falsch", "abgelaufen", "ungültig", "nicht", "zu", "korrekt", "richtig", "vergessen", "geändert", "leer", "gesperrt", "zurückgesetzt", "der", "die", "das", "ein", "eine", "jetzt", "noch", "sicher", "schwach", "stark", "ändern", "richtlinie", "hinweis",
        "see", "siehe", "zie", "s.o.", "s.u.", "unchanged", "unverändert", "ongewijzigd", "same", "dasselbe", "hetzelfde", "attached", "anbei", "bijgevoegd",
        "separately", "separat", "apart", "unknown", "unbekannt", "onbekend", "none", "keins", "geen", "n/a", "tbd",
        "ask", "frag", "fragen", "vraag", "wie", "zoals", "like", "staat", "steht", "stands", "via", "per", "from", "von", "van", "bei", "bij",
        "usual", "üblich", "gewohnt", "follows", "folgt", "volgt", "below", "unten", "above", "oben", "hieronder", "hierboven",
        "leider", "helaas", "unfortunately", "sadly", "already", "bereits", "schon", "al", "again", "wieder", "opnieuw", "always", "immer", "altijd",
        "optional", "optioneel", "blank", "weder", "übrigens", "trouwens", "btw", "actually", "eigentlich", "eigenlijk", "currently", "derzeit", "momenteel", "never", "niemals", "nooit", "nie",
        "verlopen", "onjuist", "fout", "niet", "te", "gewijzigd", "vergeten", "leeg", "verkeerd", "een", "de", "het", "nu", "nog", "geblokkeerd", "veilig", "zwak", "sterk", "wijzigen", "beleid", "verstuurd", "gesendet");

    // Words that refer back to a password named before: "the old one was X", "das alte war X", "oude was X", "new: X".
    private static readonly FrozenSet<string> ReferringWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "old", "new", "current", "previous", "temporary", "temp", "initial",
        "alt", "alte", "altes", "alten", "neu", "neue", "neues", "neuen", "aktuelle", "aktuelles", "bisherige", "bisheriges", "vorherige", "vorheriges", "vorläufige", "vorläufiges", "temporäre", "temporäres",
        "oud", "oude", "nieuw", "nieuwe", "huidig", "huidige", "vorig", "vorige", "tijdelijk", "tijdelijke");

    // Words that may stand between a referring word and its verb: "the old one was X".
    private static readonly FrozenSet<string> ReferringNouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "one", "pw", "pwd", "code", "pin");

    // Modal verbs before the verb that links: "the new one should be X", "das neue soll X sein" is verb-last and not covered.
    private static readonly FrozenSet<string> Modals = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "should", "will", "must", "shall", "would", "soll", "sollte", "wird", "muss", "moet", "zal", "wordt");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModalLookup = Modals.GetAlternateLookup<ReadOnlySpan<char>>();

    // Labels of the user name next to a password: "username = reception2", "Gebruiker: kassa1".
    private static readonly FrozenSet<string> UserLabels = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "user", "username", "login", "userid", "id", "account", "benutzer", "benutzername", "nutzer", "nutzername", "anmeldename", "kennung", "konto",
        "gebruiker", "gebruikersnaam", "inlognaam", "inlog", "naam", "name");

    // "changed it to X", "auf X gesetzt" is German word order (verb last) and not covered; "veranderd in X".
    private static readonly FrozenSet<string> ChangeVerbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "changed", "set", "reset", "updated", "switched", "geändert", "gesetzt", "zurückgesetzt", "veranderd", "gewijzigd", "ingesteld", "gezet");

    private static readonly FrozenSet<string> ChangePrepositions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "to", "auf", "in", "naar", "into");

    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "it", "es", "het", "ihn", "hem", "mine", "meins", "mijn");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChangeVerbLookup = ChangeVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChangePrepositionLookup = ChangePrepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UserLabelLookup = UserLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbLookup = Verbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotAValueLookup = NotAValue.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReferringLookup = ReferringWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReferringNounLookup = ReferringNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsChangeVerb(ReadOnlySpan<char> word) => ChangeVerbLookup.Contains(word);

    public static bool IsChangePreposition(ReadOnlySpan<char> word) => ChangePrepositionLookup.Contains(word);

    public static bool IsPronoun(ReadOnlySpan<char> word) => PronounLookup.Contains(word);

    public static bool IsModal(ReadOnlySpan<char> word) => ModalLookup.Contains(word);

    /// <summary>The verb after a modal: "should be", "soll sein"; not a link on its own ("Password must be between 8 and 64 characters").</summary>
    public static bool IsInfinitiveLink(ReadOnlySpan<char> word) =>
        word.Equals("be", StringComparison.OrdinalIgnoreCase) || word.Equals("sein", StringComparison.OrdinalIgnoreCase) || word.Equals("zijn", StringComparison.OrdinalIgnoreCase) || word.Equals("worden", StringComparison.OrdinalIgnoreCase);

    public static bool IsUserLabel(ReadOnlySpan<char> word) => UserLabelLookup.Contains(word);

    public static bool IsVerb(ReadOnlySpan<char> word) => VerbLookup.Contains(word);

    public static bool IsNotAValue(ReadOnlySpan<char> word) => NotAValueLookup.Contains(word);

    public static bool IsReferring(ReadOnlySpan<char> word) => ReferringLookup.Contains(word);

    public static bool IsReferringNoun(ReadOnlySpan<char> word) => ReferringNounLookup.Contains(word);

    public static bool IsArticle(ReadOnlySpan<char> word) =>
        word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("das", StringComparison.OrdinalIgnoreCase) || word.Equals("het", StringComparison.OrdinalIgnoreCase)
        || word.Equals("de", StringComparison.OrdinalIgnoreCase) || word.Equals("der", StringComparison.OrdinalIgnoreCase) || word.Equals("die", StringComparison.OrdinalIgnoreCase);
}
