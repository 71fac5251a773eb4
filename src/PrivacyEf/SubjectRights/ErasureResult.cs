namespace PrivacyEf;

/// <summary>What an erasure did to one entity's rows of the subject.</summary>
/// <param name="Entity">The entity type.</param>
/// <param name="Deleted">Rows deleted.</param>
/// <param name="Anonymized">Rows anonymized (their <c>[Retain]</c> says <c>Anonymize</c>).</param>
/// <param name="Held">Rows kept because they are under legal hold.</param>
public sealed record ErasureResult(string Entity, int Deleted, int Anonymized, int Held);
