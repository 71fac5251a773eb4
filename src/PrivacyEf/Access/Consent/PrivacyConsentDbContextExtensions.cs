using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyEf.Access;
using PrivacyEf.Access.Consent;
using PrivacyEf.Access.Logging;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Records data subjects' consent to purposes in the consent table of a context's database.</summary>
public static class PrivacyConsentDbContextExtensions
{
    /// <summary>Records that a data subject consents to a purpose, until <paramref name="expiresAt"/> if given.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="subjectId">The data subject's id: an int, long, Guid or string, as its [DataSubject] property holds it.</param>
    /// <param name="purpose">The purpose consented to.</param>
    /// <param name="expiresAt">When the consent lapses; null when it does not.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The consent row written.</returns>
    public static async Task<PrivacyConsent> GrantConsentAsync(this DbContext context, object subjectId, string purpose, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var access = PrivacyAccessLogDbContextExtensions.AccessOf(context);
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

    // A context of its own, so recording consent neither saves nor waits for the caller's pending changes.
    private static DbContext Sibling(DbContext context) =>
        AccessLogAppender.CreateContext(new AccessLogSink(context.GetType(), context.Database.GetConnectionString(), context.GetService<IDbContextOptions>()));
}
