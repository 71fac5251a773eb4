namespace PrivacyEf;

/// <summary>What an erasure did to one entity's rows of the subject.</summary>
/// <param name="Entity">The entity type.</param>
/// <param name="Deleted">Rows deleted.</param>
/// <param name="Anonymized">Rows anonymized (their <c>[Retain]</c> says <c>Anonymize</c>, or rows kept for their dependents).</param>
/// <param name="Held">Rows kept because they are under legal hold.</param>
public sealed record ErasureResult(string Entity, int Deleted, int Anonymized, int Held)
{
    /// <summary>
    /// Rows anonymized instead of deleted because deleting them would have made the database remove or change rows
    /// that stay (under legal hold, kept anonymized, another subject's) or would have been refused by a foreign key.
    /// Counted in <see cref="Anonymized"/> too.
    /// </summary>
    public int KeptForDependents { get; init; }

    /// <summary>Rows the database's <c>ON DELETE CASCADE</c> deleted with the erased rows (entities without a subject link).</summary>
    public int DeletedByCascade { get; init; }

    /// <summary>Why rows were anonymized instead of deleted, naming entities and counts only.</summary>
    public IReadOnlyList<string> NotDeletedBecause { get; init; } = [];
}
