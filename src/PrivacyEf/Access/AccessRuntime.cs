using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyEf.Access.Logging;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// The least-privilege part of one application's runtime: the policy, the values masked on loaded entities, the
/// guarded members of projections, and the access log writer. Its pipeline stages and interceptors take it.
/// </summary>
internal sealed class AccessRuntime : IDisposable
{
    // By the metadata, not the CLR type: two context types of one application may declare one class differently (fluent
    // declarations are per model), and a projection must be guarded by its own model's declaration; and by the kind of
    // data subject the entity's rows belong to in that model.
    private readonly ConcurrentDictionary<(PrivacyEntityMetadata Entity, PrivacyPropertyMetadata Property, bool Logged, string? SubjectKind, Type? SubjectKindType), GuardedMember> members = new();
    private readonly ConditionalWeakTable<object, MaskedValues> maskedValues = [];

    /// <summary>The purpose of the key of <see cref="MaskStyle.Pseudonym"/> tokens: not redaction's, so the two kinds of token never match.</summary>
    public const string PseudonymPurpose = "PrivacyEf.Access.Pseudonyms.v1";

    private readonly PseudonymKeySource pseudonymKeys;

    public AccessRuntime(PrivacyPolicy policy, AccessOptions options, TimeProvider timeProvider, PseudonymKeySource pseudonymKeys, SqlDialects dialects, ILogger logger)
    {
        this.pseudonymKeys = pseudonymKeys;
        Policy = new AccessPolicy(policy, options);
        TimeProvider = timeProvider;
        Dialects = dialects;
        Writer = new AccessLogWriter(logger, options, dialects);
    }

    public AccessPolicy Policy { get; }

    public TimeProvider TimeProvider { get; }

    public AccessLogWriter Writer { get; }

    /// <summary>The SQL dialects, for the access log writer and its synchronous path.</summary>
    public SqlDialects Dialects { get; }

    /// <summary>
    /// The key a mask of the declared style needs: for <see cref="MaskStyle.Pseudonym"/>, the application's masking key
    /// (the same on every instance that shares the key ring, and after a restart); for any other style none, so
    /// masking does not read the key ring.
    /// </summary>
    public ReadOnlySpan<byte> PseudonymKeyFor(MaskStyle declared) =>
        declared == MaskStyle.Pseudonym ? pseudonymKeys.KeyFor(PseudonymPurpose) : default;

    /// <summary>Disclosures made outside any scope (only with <see cref="UnscopedAccess.Disclose"/>).</summary>
    public DisclosureBuffer UnscopedDisclosures { get; } = new();

    /// <summary>The disclosures of <paramref name="scope"/> not yet written, or of reads outside any scope.</summary>
    public DisclosureBuffer DisclosuresOf(PrivacyScope? scope)
    {
        if (scope is null)
        {
            return UnscopedDisclosures;
        }

        if (scope.PendingDisclosures is DisclosureBuffer buffer)
        {
            return buffer;
        }

        Interlocked.CompareExchange(ref scope.PendingDisclosures, new DisclosureBuffer(), null);
        return (DisclosureBuffer)scope.PendingDisclosures!;
    }

    public bool IsLogging => Policy.Options.AccessLogEnabled;

    public GuardedMember Member(PrivacyEntityMetadata entity, PrivacyPropertyMetadata property, bool nullable, bool logged, string? subjectKind, Type? subjectKindType) =>
        members.GetOrAdd(
            (entity, property, logged, subjectKind, subjectKindType),
            static (key, state) => new GuardedMember(state.Access, state.Entity, state.Property, state.Nullable, key.Logged, key.SubjectKind, key.SubjectKindType),
            (Access: this, Entity: entity, Property: property, Nullable: nullable));

    /// <summary>
    /// Remembers the masks put on a loaded entity, so saving it never writes a mask back, even after it travels
    /// untracked to another context. A generated partial entity keeps them itself; any other goes into a weak table.
    /// </summary>
    public void RememberMasked(object entity, MaskedValues masked)
    {
        if (entity is IPrivacyMaskCarrier carrier)
        {
            carrier.PrivacyEfMasks = masked;
        }
        else
        {
            maskedValues.AddOrUpdate(entity, masked);
        }
    }

    public MaskedValues? MaskedValuesOf(object entity) =>
        entity is IPrivacyMaskCarrier carrier
            ? carrier.PrivacyEfMasks as MaskedValues
            : maskedValues.TryGetValue(entity, out var masked) ? masked : null;

    public void Dispose() => Writer.Dispose();
}
