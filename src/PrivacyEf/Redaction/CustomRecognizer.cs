using System.Text.RegularExpressions;

namespace PrivacyEf;

/// <summary>A recognizer added by the application: a pattern, an optional validator and the operator for its matches.</summary>
public sealed class CustomRecognizer
{
    internal CustomRecognizer(string label, Regex pattern, Func<string, bool>? validator, RedactionOperator redactionOperator)
    {
        Label = label;
        Pattern = pattern;
        Validator = validator;
        Operator = redactionOperator;
    }

    /// <summary>The label written into replacements, such as <c>EMPLOYEE_ID</c>.</summary>
    public string Label { get; }

    /// <summary>The pattern, compiled with <see cref="RegexOptions.NonBacktracking"/> so matching stays linear in the text.</summary>
    public Regex Pattern { get; }

    /// <summary>Decides whether a match is a real finding (a checksum, say); null accepts every match.</summary>
    public Func<string, bool>? Validator { get; }

    /// <summary>What replaces a finding.</summary>
    public RedactionOperator Operator { get; }
}
