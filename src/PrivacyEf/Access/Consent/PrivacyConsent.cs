namespace PrivacyEf.Access.Consent;

/// <summary>
/// One consent of a data subject to a purpose. Granting adds a row; revoking stamps <see cref="RevokedAt"/>; rows are
/// never deleted by the consent API, so the table is the history of every grant and revocation.
/// </summary>
public sealed class PrivacyConsent
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>
    /// The kind of data subject (the class name of the entity that is the person, e.g. <c>Customer</c>): a customer 1's
    /// consent is not an employee 1's. Empty in a model whose rows link to subject ids without such an entity.
    /// </summary>
    public string SubjectKind { get; set; } = "";

    /// <summary>The data subject's id in its text form (invariant digits, or a lowercase GUID).</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The purpose consented to.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>When consent was given (UTC).</summary>
    public DateTime GrantedAt { get; set; }

    /// <summary>When consent lapses (UTC); null when it does not.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When consent was revoked (UTC); null while it stands.</summary>
    public DateTime? RevokedAt { get; set; }
}
