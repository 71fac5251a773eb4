using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyEf;
using PrivacyEf.Access;
using PrivacyEf.Access.Consent;
using PrivacyEf.Access.Logging;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Records data subjects' consent to purposes in the consent table of a context's database.</summary>
public static class PrivacyConsentDbContextExtensions
{
    /// <summary>Records that a data subject consents to a purpose, until <paramref name="expiresAt"/> if given.</summary>
    /// <remarks>
    /// Refused for a purpose the application did not declare (in a grant or with <c>PrivacyOptions.Purpose</c>), and
    /// for a subject no entity holds a row of: consent recorded ahead of its subject would be inherited by whoever is
    /// later created with that id.
    /// </remarks>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id: an int, long, Guid or string, as its [DataSubject] property holds it.</param>
    /// <param name="purpose">The purpose consented to.</param>
    /// <param name="expiresAt">When the consent lapses; null when it does not.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The consent row written.</returns>
    /// <exception cref="ArgumentException">The purpose is not declared, or no row of the subject exists.</exception>
    /// <exception cref="InvalidOperationException">The model has several kinds of data subject, which consent cannot tell apart yet.</exception>
    public static async Task<PrivacyConsent> GrantConsentAsync(this DbContext context, object subjectId, string purpose, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var access = PrivacyAccessLogDbContextExtensions.AccessOf(context);
        RefuseUndeclaredPurpose(access, purpose);
        RefuseSeveralKinds(context);
        await RefuseUnknownSubjectAsync(context, subjectId, cancellationToken).ConfigureAwait(false);
        var consent = new PrivacyConsent
        {
            SubjectId = SubjectIds.Format(subjectId),
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

    /// <summary>Revokes every standing consent of a data subject to a purpose; the rows stay as history.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many consents were revoked.</returns>
    public static async Task<int> RevokeConsentAsync(this DbContext context, object subjectId, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var access = PrivacyAccessLogDbContextExtensions.AccessOf(context);
        var subject = SubjectIds.Format(subjectId);
        DateTime? now = access.TimeProvider.GetUtcNow().UtcDateTime;
        var writer = Sibling(context);
        await using (writer.ConfigureAwait(false))
        {
            return await writer.Set<PrivacyConsent>()
                .Where(c => c.SubjectId == subject && c.Purpose == purpose && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Every consent a data subject gave, revoked or not, oldest first.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The consent history.</returns>
    public static async Task<IReadOnlyList<PrivacyConsent>> GetConsentHistoryAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        PrivacyAccessLogDbContextExtensions.AccessOf(context);
        var subject = SubjectIds.Format(subjectId);
        return await context.Set<PrivacyConsent>().AsNoTracking()
            .Where(c => c.SubjectId == subject)
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

    /// <summary>
    /// A consent row holds the subject's id but not its kind: with customers and employees in one model, customer 1's
    /// consent would let employee 1's rows flow too. Until consent records the kind, it is refused for such a model.
    /// </summary>
    private static void RefuseSeveralKinds(DbContext context)
    {
        var kinds = SubjectKinds.Of(context.Model).Kinds;
        if (kinds.Count > 1)
        {
            throw new InvalidOperationException(
                $"Consent cannot be recorded in a model with several kinds of data subject ({string.Join(", ", kinds.Select(k => k.ClrType.Name))}): " +
                "a consent row names the subject's id but not its kind, so one person's consent would apply to another kind's rows with the same id.");
        }
    }

    private static async Task RefuseUnknownSubjectAsync(DbContext context, object subjectId, CancellationToken cancellationToken)
    {
        // Only whether a row exists is read, in a system scope so that a consent-bound scope's own filter does not hide it.
        bool exists;
        using (Privacy.System("consent: does the data subject exist"))
        {
            exists = await SubjectRows.AnyAsync(context, subjectId, cancellationToken).ConfigureAwait(false);
        }

        if (!exists)
        {
            var links = SubjectRows.LinkedEntities(context.Model).Select(e => $"{e.EntityType.ClrType.Name}.{e.Metadata.DataSubjectProperty}");
            throw new ArgumentException(
                $"Consent for data subject '{SubjectIds.Format(subjectId)}' cannot be recorded: no row of {string.Join(", ", links)} holds that id. Consent is recorded for an existing subject only, so that one created later with the id does not inherit it.",
                nameof(subjectId));
        }
    }

    // A context of its own, so recording consent neither saves nor waits for the caller's pending changes.
    private static DbContext Sibling(DbContext context) =>
        AccessLogAppender.CreateContext(new AccessLogSink(context.GetType(), context.Database.GetConnectionString(), context.GetService<IDbContextOptions>()));
}
