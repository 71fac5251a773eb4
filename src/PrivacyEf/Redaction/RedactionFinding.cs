namespace PrivacyEf;

/// <summary>One piece of personal data found in a text. Positions refer to the original text; the value itself is not kept.</summary>
/// <param name="Type">The kind of data found.</param>
/// <param name="Start">Where the value starts in the original text.</param>
/// <param name="Length">The value's length in the original text.</param>
/// <param name="Label">The type's label as written in replacements, such as <c>CREDIT_CARD</c>, or a custom recognizer's label.</param>
public readonly record struct RedactionFinding(PiiType Type, int Start, int Length, string Label);
