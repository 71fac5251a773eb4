namespace PrivacyEf;

/// <summary>What <see cref="PiiRedactor"/> writes in place of a finding.</summary>
public enum RedactionOperator
{
    /// <summary>Replaces the value with <c>[REDACTED:TYPE]</c>.</summary>
    Replace,

    /// <summary>Keeps the last four characters, as in <c>[REDACTED:CREDIT_CARD:****1111]</c>. For card numbers and IBANs.</summary>
    KeepLastFour,

    /// <summary>
    /// Replaces the value with a keyed pseudonym, as in <c>[EMAIL:kqzvbxmwte]</c>: the same value gives the same
    /// token under the same key, so a conversation stays readable without the value.
    /// </summary>
    Pseudonymize,
}
