using System.Text.RegularExpressions;

namespace PrivacyEf;

/// <summary>
/// How free text is redacted: the operator per type, the types to leave alone, the application's own
/// recognizers and the pseudonym key. Configured through <see cref="PrivacyOptions.Redaction"/> or passed to
/// <see cref="PiiRedactor(RedactionOptions)"/>.
/// </summary>
public sealed class RedactionOptions
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<PiiType, RedactionOperator> operators = [];
    private readonly HashSet<PiiType> ignored = [];
    private readonly List<CustomRecognizer> recognizers = [];
    private byte[]? pseudonymKey;

    /// <summary>
    /// The HMAC key for <see cref="RedactionOperator.Pseudonymize"/> (at least 16 bytes). When null,
    /// <see cref="PiiRedactor.Default"/> uses a random key per process and the runtime derives a stable key from the
    /// application's Data Protection key ring. The runtime derives the key of <see cref="MaskStyle.Pseudonym"/> masks
    /// from the same source (this key when set, else the ring), under a purpose of its own.
    /// </summary>
    public byte[]? PseudonymKey
    {
        get => pseudonymKey;
        set
        {
            if (value is not null && value.Length < 16)
            {
                throw new ArgumentException("The pseudonym key must be at least 16 bytes long.", nameof(value));
            }

            pseudonymKey = value;
        }
    }

    /// <summary>The application's recognizers, in the order they were added.</summary>
    public IReadOnlyList<CustomRecognizer> Recognizers => recognizers;

    /// <summary>The types that are not looked for.</summary>
    public IReadOnlyCollection<PiiType> IgnoredTypes => ignored;

    /// <summary>The operator applied to findings of a type; <see cref="RedactionOperator.Replace"/> unless set with <see cref="Use"/>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The operator.</returns>
    public RedactionOperator OperatorFor(PiiType type) => operators.GetValueOrDefault(type, RedactionOperator.Replace);

    /// <summary>Sets the operator for findings of a type.</summary>
    /// <param name="type">The type.</param>
    /// <param name="redactionOperator">The operator; <see cref="RedactionOperator.KeepLastFour"/> is allowed for card numbers and IBANs only.</param>
    /// <returns>These options, for chaining.</returns>
    public RedactionOptions Use(PiiType type, RedactionOperator redactionOperator)
    {
        if (type == PiiType.Custom)
        {
            throw new ArgumentException("Custom recognizers carry their own operator; pass it to AddRecognizer.", nameof(type));
        }

        EnsureAllowed(type.ToString(), type is PiiType.CreditCard or PiiType.Iban, redactionOperator);
        operators[type] = redactionOperator;
        return this;
    }

    /// <summary>Stops looking for a type (its text stays as it is).</summary>
    /// <param name="type">The type to leave alone.</param>
    /// <returns>These options, for chaining.</returns>
    public RedactionOptions Ignore(PiiType type)
    {
        ignored.Add(type);
        return this;
    }

    /// <summary>Adds a recognizer of the application's own: every match of <paramref name="pattern"/> that <paramref name="validator"/> accepts is redacted.</summary>
    /// <param name="label">The label written into replacements: upper-case letters, digits and underscores, such as <c>EMPLOYEE_ID</c>.</param>
    /// <param name="pattern">A .NET regular expression; it runs with <see cref="RegexOptions.NonBacktracking"/>, so it cannot use backreferences or lookarounds.</param>
    /// <param name="validator">Decides whether a match is a finding; null accepts every match.</param>
    /// <param name="redactionOperator">What replaces a finding.</param>
    /// <returns>These options, for chaining.</returns>
    public RedactionOptions AddRecognizer(string label, string pattern, Func<string, bool>? validator = null, RedactionOperator redactionOperator = RedactionOperator.Replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        foreach (var c in label)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                throw new ArgumentException($"The recognizer label '{label}' may contain only upper-case letters, digits and underscores.", nameof(label));
            }
        }

        EnsureAllowed(label, lastFourAllowed: true, redactionOperator);
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (NotSupportedException exception)
        {
            throw new ArgumentException($"The pattern of recognizer '{label}' uses a construct that linear-time matching does not support (backreferences, lookarounds, atomic groups): {exception.Message}", nameof(pattern), exception);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"The pattern of recognizer '{label}' is not a valid regular expression: {exception.Message}", nameof(pattern), exception);
        }

        recognizers.Add(new CustomRecognizer(label, regex, validator, redactionOperator));
        return this;
    }

    internal RedactionOptions Clone()
    {
        var clone = new RedactionOptions { pseudonymKey = pseudonymKey?.ToArray() };
        foreach (var (type, op) in operators)
        {
            clone.operators[type] = op;
        }

        clone.ignored.UnionWith(ignored);
        clone.recognizers.AddRange(recognizers);
        return clone;
    }

    private static void EnsureAllowed(string name, bool lastFourAllowed, RedactionOperator redactionOperator)
    {
        if (!Enum.IsDefined(redactionOperator))
        {
            throw new ArgumentOutOfRangeException(nameof(redactionOperator), redactionOperator, $"Unknown redaction operator for {name}.");
        }

        if (redactionOperator == RedactionOperator.KeepLastFour && !lastFourAllowed)
        {
            throw new ArgumentException($"KeepLastFour is for card numbers and IBANs; {name} keeps no part of its value.", nameof(redactionOperator));
        }
    }
}
