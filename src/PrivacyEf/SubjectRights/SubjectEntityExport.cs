namespace PrivacyEf;

/// <summary>The rows of one entity that belong to the data subject.</summary>
/// <param name="Entity">The entity type.</param>
/// <param name="Table">Its table, or null for non-relational stores.</param>
/// <param name="Rows">Each row as property name to field.</param>
public sealed record SubjectEntityExport(string Entity, string? Table, IReadOnlyList<IReadOnlyDictionary<string, SubjectField>> Rows);
