using System.Collections;
using System.Globalization;

namespace PrivacyEf.Logging;

/// <summary>
/// A log record's redacted message and values, as providers read structured state: a list of name-value pairs whose
/// <see cref="ToString"/> is the message.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] values;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] values)
    {
        Message = message;
        this.values = values;
    }

    public string Message { get; }

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>
    /// The values of <paramref name="state"/>, copied: the extended logger reuses its state objects once the call returns,
    /// and a record held while the redactor is being made is written later.
    /// </summary>
    public static KeyValuePair<string, object?>[] Copy<TState>(TState state) =>
        state is IReadOnlyCollection<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];

    /// <summary>
    /// Runs the message and each value through <paramref name="redactor"/>, in place; a value the redactor leaves alone
    /// keeps its type, so structured providers still see numbers as numbers.
    /// </summary>
    public static RedactedLogState Redact(string message, KeyValuePair<string, object?>[] values, PiiRedactor redactor)
    {
        // The template too: a message built by concatenation ("paid with " + card) is its own template.
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new KeyValuePair<string, object?>(values[i].Key, Redact(values[i].Value, redactor));
        }

        return new RedactedLogState(redactor.Redact(message).Text, values);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static object? Redact(object? value, PiiRedactor redactor)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            // Lists are written item by item, as the default formatter writes them into the message.
            IEnumerable items => string.Join(", ", items.Cast<object?>()),
            _ => value.ToString(),
        };

        if (string.IsNullOrEmpty(text))
        {
            return value;
        }

        var result = redactor.Redact(text);
        return result.Findings.Count == 0 ? value : result.Text;
    }
}
