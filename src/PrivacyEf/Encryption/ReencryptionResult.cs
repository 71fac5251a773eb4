namespace PrivacyEf;

/// <summary>What <c>ReencryptAsync</c> did for one entity type.</summary>
/// <param name="Entity">The entity type.</param>
/// <param name="Rows">Rows moved to the active key (legacy plaintext encrypted, missing blind indexes filled).</param>
/// <param name="Batches">Batches (transactions) used.</param>
public sealed record ReencryptionResult(string Entity, long Rows, int Batches);
