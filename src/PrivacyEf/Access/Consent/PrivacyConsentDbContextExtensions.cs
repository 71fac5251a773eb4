using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Access;
using PrivacyEf.Access.Consent;
using PrivacyEf.Access.Logging;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Records data subjects' consent to purposes in the consent table of a context's database.</summary>
public static class PrivacyConsentDbContextExtensions
{
    /// <summary>Records that a data subject consents to a purpose, until <paramref name="expiresAt"/> if given.</summary>
    /// <remarks>
    /// For a model with one kind of data subject. Refused for a purpose the application did not declare (in a grant or
    /// with <c>PrivacyOptions.Purpose</c>), and for a subject no entity holds a row of: consent recorded ahead of its
    /// subject would be inherited by whoever is later created with that id.
    /// </remarks>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id: an int, long, Guid or string, as its [DataSubject] property holds it.</param>
    /// <param name="purpose">The purpose consented to.</param>
    /// <param name="expiresAt">When the consent lapses; null when it does not.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The consent row written.</returns>
    /// <exception cref="ArgumentException">The purpose is not declared, or no row of the subject exists.</exception>
    /// <exception cref="InvalidOperationException">The model has several kinds of data subject: name one with <see cref="GrantConsentAsync{TSubject}"/>.</exception>
    public static Task<PrivacyConsent> GrantConsentAsync(this DbContext context, object subjectId, string purpose, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        var kind = kinds.OnlyKindName(nameof(GrantConsentAsync));
        return GrantAsync(context, kind, kinds.All(nameof(GrantConsentAsync)), subjectId, purpose, expiresAt, cancellationToken);
    }

    /// <summary>Records that a data subject of the kind <typeparamref name="TSubject"/> consents to a purpose.</summary>
    /// <remarks>
    /// The consent covers only rows linked to that kind: customer 1's consent lets no employee 1's rows flow. Refused
    /// for an undeclared purpose and for a subject of that kind no entity holds a row of.
    /// </remarks>
    /// <typeparam name="TSubject">The entity that is the person (its own key is marked [DataSubject]).</typeparam>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="purpose">The purpose consented to.</param>
    /// <param name="expiresAt">When the consent lapses; null when it does not.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The consent row written.</returns>
    /// <exception cref="ArgumentException">The purpose is not declared, <typeparamref name="TSubject"/> is not a kind of data subject, or no row of the subject exists.</exception>
    public static Task<PrivacyConsent> GrantConsentAsync<TSubject>(this DbContext context, object subjectId, string purpose, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
        where TSubject : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        return GrantAsync(context, kinds.NameOf(typeof(TSubject)), kinds.LinkedTo(typeof(TSubject)), subjectId, purpose, expiresAt, cancellationToken);
    }

    /// <summary>Revokes every standing consent of a data subject to a purpose; the rows stay as history.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many consents were revoked.</returns>
    /// <exception cref="InvalidOperationException">The model has several kinds of data subject: name one with <see cref="RevokeConsentAsync{TSubject}"/>.</exception>
    public static Task<int> RevokeConsentAsync(this DbContext context, object subjectId, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        return RevokeAsync(context, kinds.OnlyKindName(nameof(RevokeConsentAsync)), kinds.All(nameof(RevokeConsentAsync)), subjectId, purpose, cancellationToken);
    }

    /// <summary>Revokes every standing consent of a data subject of the kind <typeparamref name="TSubject"/> to a purpose.</summary>
    /// <typeparam name="TSubject">The entity that is the person.</typeparam>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many consents were revoked.</returns>
    public static Task<int> RevokeConsentAsync<TSubject>(this DbContext context, object subjectId, string purpose, CancellationToken cancellationToken = default)
        where TSubject : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        return RevokeAsync(context, kinds.NameOf(typeof(TSubject)), kinds.LinkedTo(typeof(TSubject)), subjectId, purpose, cancellationToken);
    }

    /// <summary>Every consent a data subject gave, revoked or not, oldest first.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The consent history.</returns>
    /// <exception cref="InvalidOperationException">The model has several kinds of data subject: name one with <see cref="GetConsentHistoryAsync{TSubject}"/>.</exception>
    public static Task<IReadOnlyList<PrivacyConsent>> GetConsentHistoryAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        return HistoryAsync(context, kinds.OnlyKindName(nameof(GetConsentHistoryAsync)), kinds.All(nameof(GetConsentHistoryAsync)), subjectId, cancellationToken);
    }

    /// <summary>Every consent a data subject of the kind <typeparamref name="TSubject"/> gave, revoked or not, oldest first.</summary>
    /// <typeparam name="TSubject">The entity that is the person.</typeparam>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The consent history.</returns>
    public static Task<IReadOnlyList<PrivacyConsent>> GetConsentHistoryAsync<TSubject>(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
        where TSubject : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var kinds = SubjectKinds.Of(context.Model);
        return HistoryAsync(context, kinds.NameOf(typeof(TSubject)), kinds.LinkedTo(typeof(TSubject)), subjectId, cancellationToken);
    }

    private static async Task<PrivacyConsent> GrantAsync(
        DbContext context,
        string kind,
        IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links,
        object subjectId,
        string purpose,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var access = PrivacyAccessLogDbContextExtensions.AccessOf(context);
        RefuseUndeclaredPurpose(access, purpose);
        await RefuseUnknownSubjectAsync(context, kind, links, subjectId, cancellationToken).ConfigureAwait(false);
        var consent = new PrivacyConsent
        {
            SubjectKind = kind,
            SubjectId = SubjectRows.Canonical(links, subjectId),
            Purpose = purpose,
            GrantedAt = access.TimeProvider.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt?.UtcDateTime,
        };
        var writer = Sibling(context);
        await using (writer.ConfigureAwait(false))
        {
            writer.Add(consent);
            await writer.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return consent;
    }

    private static async Task<int> RevokeAsync(
        DbContext context,
        string kind,
        IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links,
        object subjectId,
        string purpose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var access = PrivacyAccessLogDbContextExtensions.AccessOf(context);
        var subject = SubjectRows.Canonical(links, subjectId);
        DateTime? now = access.TimeProvider.GetUtcNow().UtcDateTime;
        var writer = Sibling(context);
        await using (writer.ConfigureAwait(false))
        {
            return await writer.Set<PrivacyConsent>()
                .Where(c => c.SubjectKind == kind && c.SubjectId == subject && c.Purpose == purpose && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<PrivacyConsent>> HistoryAsync(
        DbContext context,
        string kind,
        IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links,
        object subjectId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        PrivacyAccessLogDbContextExtensions.AccessOf(context);
        var subject = SubjectRows.Canonical(links, subjectId);
        return await context.Set<PrivacyConsent>().AsNoTracking()
            .Where(c => c.SubjectKind == kind && c.SubjectId == subject)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    private static void RefuseUndeclaredPurpose(AccessRuntime access, string purpose)
    {
        var declared = access.Policy.DeclaredPurposes.Order(StringComparer.Ordinal).ToList();
        if (!declared.Contains(purpose, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Consent to '{purpose}' cannot be recorded: the application declares no such purpose (declared: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}). Declare it with PrivacyOptions.Purpose(...) or a grant.",
                nameof(purpose));
        }
    }

    private static async Task RefuseUnknownSubjectAsync(
        DbContext context,
        string kind,
        IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links,
        object subjectId,
        CancellationToken cancellationToken)
    {
        // Only whether a row exists is read, in a system scope so that a consent-bound scope's own filter does not hide it.
        bool exists;
        using (Privacy.System("consent: does the data subject exist"))
        {
            exists = await SubjectRows.AnyAsync(context, links, subjectId, cancellationToken).ConfigureAwait(false);
        }

        if (!exists)
        {
            var linkNames = links.Select(e => $"{e.EntityType.ClrType.Name}.{e.Metadata.DataSubjectProperty}");
            var ofKind = kind.Length == 0 ? "" : $" of kind {kind}";
            throw new ArgumentException(
                $"Consent for data subject '{SubjectIds.Format(subjectId)}'{ofKind} cannot be recorded: no row of {string.Join(", ", linkNames)} holds that id. Consent is recorded for an existing subject only, so that one created later with the id does not inherit it.",
                nameof(subjectId));
        }
    }

    // A context of its own, so recording consent neither saves nor waits for the caller's pending changes.
    private static DbContext Sibling(DbContext context) =>
        AccessLogAppender.CreateContext(new AccessLogSink(context.GetType(), context.Database.GetConnectionString(), context.GetService<IDbContextOptions>()));
}
