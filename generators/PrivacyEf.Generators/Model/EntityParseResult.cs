namespace PrivacyEf.Generators.Model;

/// <summary>
/// The outcome of parsing one annotated type: the model to emit (null when the type has errors or cannot be
/// emitted) and the diagnostics to report.
/// </summary>
/// <param name="FullyQualifiedTypeName">Identifies the type, to keep one result per type.</param>
internal sealed record EntityParseResult(
    string FullyQualifiedTypeName,
    EntityModel? Model,
    EquatableArray<DiagnosticInfo> Diagnostics);
