using PrivacyEf.Access;
using PrivacyEf.Access.Consent;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;
using PrivacyEf.Redaction;

namespace PrivacyEf.Composition;

/// <summary>
/// The order of PrivacyEf's work, declared in one place. Each stage lives in its capability's folder; the order is
/// tested, so no stage ever depends on the order interceptors happen to be registered in.
/// </summary>
internal static class Pipelines
{
    /// <summary>
    /// <c>SaveChanges</c>: redact free text (the later stages see, encrypt and index only the redacted text) ->
    /// authorize (a mask loaded into an entity is dropped from the write, and a scope may not write what it may not
    /// see, before anything is computed from the values) -> data keys and blind indexes of what is left. EF then
    /// builds the commands, and the encrypting converters run; after the save the key ring does its bookkeeping.
    /// </summary>
    public static ISaveChangesStage[] WriteStages(PrivacyRuntime runtime) =>
    [
        new RedactionSaveStage(runtime.Redaction),
        new WriteAuthorizationStage(runtime.Access),
        new KeysAndBlindIndexesStage(runtime.KeyRing),
    ];

    /// <summary>
    /// Query compilation: each projection moves to the end of its chain (<c>Select(...).Where(...)</c> filters first),
    /// so the later stages see conditions on entity members and the projection the query returns -> equality on searchable members becomes a blind-index comparison (and what the database
    /// cannot compute on ciphertext is refused) -> personal members read in the final projection go through the
    /// access guard -> entity roots with a data subject get the consent filter.
    /// </summary>
    public static IQueryRewriteStage[] ReadStages(PrivacyRuntime runtime) =>
    [
        new ProjectionNormalizationStage(),
        new BlindIndexRewriteStage(runtime.KeyRing),
        new ProjectionGuardStage(runtime.Access),
        new ConsentFilterStage(runtime.Access),
    ];
}
