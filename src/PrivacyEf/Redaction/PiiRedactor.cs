using System.Security.Cryptography;
using PrivacyEf.Redaction;

namespace PrivacyEf;

/// <summary>
/// Finds personal data in free text (card numbers, IBANs, national identifiers, contact data, addresses, keys,
/// passwords and dates of birth) and replaces it. Checksummed formats are validated, so a number that only looks
/// like an identifier stays. Every recognizer runs in time linear in the text. Thread-safe.
/// </summary>
public sealed class PiiRedactor
{
    private static readonly Lazy<PiiRedactor> DefaultRedactor = new(() => new PiiRedactor(new RedactionOptions()));

    // Each thread keeps its candidate list between calls up to this size (1 MB), so large texts do not
    // reallocate it on every call, and a thread that once saw a huge text does not hold on to it.
    private const int MaxRetainedMatches = 1 << 16;

    [ThreadStatic]
    private static List<PiiMatch>? matchScratch;

    private readonly RedactionOperator[] operators;
    private readonly CustomRecognizer[] recognizers;
    private readonly PiiTypeSet types;
    private readonly Pseudonymizer pseudonymizer;

    /// <summary>Creates a redactor with the given options (copied: later changes to them do not affect it).</summary>
    /// <param name="options">The operators, ignored types, custom recognizers and pseudonym key.</param>
    public PiiRedactor(RedactionOptions options)
        : this(options, fallbackPseudonymKey: null)
    {
    }

    internal PiiRedactor(RedactionOptions options, byte[]? fallbackPseudonymKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = options.Clone();
        operators = new RedactionOperator[(int)PiiType.Custom + 1];
        var set = PiiTypeSet.All;
        foreach (var type in Enum.GetValues<PiiType>())
        {
            operators[(int)type] = snapshot.OperatorFor(type);
            if (snapshot.IgnoredTypes.Contains(type))
            {
                set = set.Without(type);
            }
        }

        types = set;
        recognizers = [.. snapshot.Recognizers];
        pseudonymizer = new Pseudonymizer(snapshot.PseudonymKey ?? fallbackPseudonymKey ?? RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>
    /// The redactor with the built-in recognizers, <see cref="RedactionOperator.Replace"/> for every type and a
    /// pseudonym key that is random per process.
    /// </summary>
    public static PiiRedactor Default => DefaultRedactor.Value;

    /// <summary>Finds personal data in <paramref name="text"/> and replaces it.</summary>
    /// <param name="text">The text; null is treated as empty.</param>
    /// <returns>The redacted text and the findings (types and positions, never values).</returns>
    public RedactionResult Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return RedactionResult.EmptyText;
        }

        var matches = matchScratch ??= [];
        matches.Clear();
        try
        {
            Scan(text, matches);
            if (matches.Count == 0)
            {
                return new RedactionResult(text, []);
            }

            return Replace(text, matches);
        }
        finally
        {
            matches.Clear();
            if (matches.Capacity > MaxRetainedMatches)
            {
                matches.Capacity = 16;
            }
        }
    }

    private void Scan(string text, List<PiiMatch> matches)
    {
        // The built-in scanners read the ASCII form, the replacement writes into the original: folding keeps
        // every position. The application's recognizers see the text as it is.
        var span = (LookalikeFolding.Fold(text) ?? text).AsSpan();
        NumberScanner.Scan(span, matches, types);
        if (types.Contains(PiiType.Email))
        {
            EmailScanner.Scan(span, matches);
        }

        if (types.Contains(PiiType.IpAddress))
        {
            Ipv6Scanner.Scan(span, matches);
        }

        if (types.Contains(PiiType.ApiKey))
        {
            ApiKeyScanner.Scan(span, matches);
        }

        if (types.Contains(PiiType.Password) || types.Contains(PiiType.DateOfBirth))
        {
            ContextPhraseScanner.Scan(span, matches, types);
        }

        if (types.Contains(PiiType.Password))
        {
            // Last, so that a token another scanner took (an address, a key, a labelled password) stays theirs.
            UnlabelledSecretScanner.Scan(span, matches);
        }

        for (var r = 0; r < recognizers.Length; r++)
        {
            var recognizer = recognizers[r];
            foreach (var match in recognizer.Pattern.EnumerateMatches(text))
            {
                if (match.Length > 0 && (recognizer.Validator is null || recognizer.Validator(text.Substring(match.Index, match.Length))))
                {
                    matches.Add(new PiiMatch(match.Index, match.Length, PiiType.Custom, r));
                }
            }
        }
    }

    private RedactionResult Replace(string text, List<PiiMatch> matches)
    {
        if (matches.Count > 1)
        {
            matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Rank.CompareTo(b.Rank));
        }

        // First pass: keep the findings that do not overlap an earlier one and size the output exactly.
        var findings = new List<RedactionFinding>(matches.Count);
        var operatorsUsed = new List<RedactionOperator>(matches.Count);
        var length = text.Length;
        var covered = 0;
        foreach (var match in matches)
        {
            if (match.Start < covered)
            {
                // Overlaps a finding already taken: the earlier (or longer, or stronger) one wins.
                continue;
            }

            var recognizer = match.Recognizer >= 0 ? recognizers[match.Recognizer] : null;
            var label = recognizer?.Label ?? PiiLabels.For(match.Type);
            var redactionOperator = recognizer?.Operator ?? operators[(int)match.Type];
            findings.Add(new RedactionFinding(match.Type, match.Start, match.Length, label));
            operatorsUsed.Add(redactionOperator);
            length += ReplacementLength(label, redactionOperator, text.AsSpan(match.Start, match.Length)) - match.Length;
            covered = match.End;
        }

        var redacted = string.Create(length, (Text: text, Findings: findings, Operators: operatorsUsed, Redactor: this), static (destination, state) =>
        {
            var copied = 0;
            var written = 0;
            for (var i = 0; i < state.Findings.Count; i++)
            {
                var finding = state.Findings[i];
                var kept = state.Text.AsSpan(copied, finding.Start - copied);
                kept.CopyTo(destination[written..]);
                written += kept.Length;
                written += state.Redactor.WriteReplacement(destination[written..], finding.Type, finding.Label, state.Operators[i], state.Text.AsSpan(finding.Start, finding.Length));
                copied = finding.Start + finding.Length;
            }

            state.Text.AsSpan(copied).CopyTo(destination[written..]);
        });
        return new RedactionResult(redacted, findings);
    }

    private static int ReplacementLength(string label, RedactionOperator redactionOperator, ReadOnlySpan<char> value) => redactionOperator switch
    {
        RedactionOperator.Pseudonymize => Pseudonymizer.TokenLengthFor(label),
        RedactionOperator.KeepLastFour => RedactedPrefix.Length + label.Length + LastFourPrefix.Length + Math.Min(4, CountLettersAndDigits(value)) + 1,
        _ => RedactedPrefix.Length + label.Length + 1,
    };

    private const string RedactedPrefix = "[REDACTED:";
    private const string LastFourPrefix = ":****";

    private static int CountLettersAndDigits(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    private int WriteReplacement(Span<char> destination, PiiType type, string label, RedactionOperator redactionOperator, ReadOnlySpan<char> value)
    {
        if (redactionOperator == RedactionOperator.Pseudonymize)
        {
            return pseudonymizer.Write(destination, type, label, value);
        }

        RedactedPrefix.AsSpan().CopyTo(destination);
        label.AsSpan().CopyTo(destination[RedactedPrefix.Length..]);
        var written = RedactedPrefix.Length + label.Length;
        if (redactionOperator == RedactionOperator.KeepLastFour)
        {
            LastFourPrefix.AsSpan().CopyTo(destination[written..]);
            written += LastFourPrefix.Length;
            var keep = Math.Min(4, CountLettersAndDigits(value));
            var end = written + keep;
            for (var i = value.Length - 1; i >= 0 && end > written; i--)
            {
                if (char.IsLetterOrDigit(value[i]))
                {
                    destination[--end] = value[i];
                }
            }

            written += keep;
        }

        destination[written++] = ']';
        return written;
    }
}
