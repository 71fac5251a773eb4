using System.Security.Cryptography;
using System.Text;
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
            if (matches.Capacity > 4096)
            {
                matches.Capacity = 16;
            }
        }
    }

    private void Scan(string text, List<PiiMatch> matches)
    {
        var span = text.AsSpan();
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

        for (var r = 0; r < recognizers.Length; r++)
        {
            var recognizer = recognizers[r];
            foreach (var match in recognizer.Pattern.EnumerateMatches(span))
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

        var builder = new StringBuilder(text.Length);
        var findings = new List<RedactionFinding>(matches.Count);
        var copied = 0;
        foreach (var match in matches)
        {
            if (match.Start < copied)
            {
                // Overlaps a finding already taken: the earlier (or longer, or stronger) one wins.
                continue;
            }

            var recognizer = match.Recognizer >= 0 ? recognizers[match.Recognizer] : null;
            var label = recognizer?.Label ?? PiiLabels.For(match.Type);
            var redactionOperator = recognizer?.Operator ?? operators[(int)match.Type];
            builder.Append(text, copied, match.Start - copied);
            AppendReplacement(builder, match.Type, label, redactionOperator, text.AsSpan(match.Start, match.Length));
            findings.Add(new RedactionFinding(match.Type, match.Start, match.Length, label));
            copied = match.End;
        }

        builder.Append(text, copied, text.Length - copied);
        return new RedactionResult(builder.ToString(), findings);
    }

    private void AppendReplacement(StringBuilder builder, PiiType type, string label, RedactionOperator redactionOperator, ReadOnlySpan<char> value)
    {
        switch (redactionOperator)
        {
            case RedactionOperator.Pseudonymize:
                pseudonymizer.Append(builder, type, label, value);
                break;
            case RedactionOperator.KeepLastFour:
                builder.Append("[REDACTED:").Append(label).Append(":****");
                Span<char> lastFour = stackalloc char[4];
                var kept = 0;
                for (var i = value.Length - 1; i >= 0 && kept < 4; i--)
                {
                    if (char.IsLetterOrDigit(value[i]))
                    {
                        lastFour[3 - kept++] = value[i];
                    }
                }

                builder.Append(lastFour[(4 - kept)..]).Append(']');
                break;
            default:
                builder.Append("[REDACTED:").Append(label).Append(']');
                break;
        }
    }
}
