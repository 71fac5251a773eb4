namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>What <see cref="FluentDbContext"/> declares for <see cref="FluentMember"/>, written as attributes: both must be protected alike.</summary>
[Retain(30, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class AnnotatedMember
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
    [Purpose("support", "billing")]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Mask = MaskStyle.Last4)]
    public string? Phone { get; set; }

    [Personal(PersonalDataCategory.Identity, Mask = MaskStyle.YearOnly)]
    public DateTime? BirthDate { get; set; }

    [Personal(PersonalDataCategory.FreeText, Redact = true)]
    public string? Notes { get; set; }

    public string Tier { get; set; } = "";

    [LegalHold]
    public bool OnHold { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
