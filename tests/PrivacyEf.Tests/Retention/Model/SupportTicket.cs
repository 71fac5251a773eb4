namespace PrivacyEf.Tests.Retention.Model;

[Retain(30, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class SupportTicket
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Mask = MaskStyle.Email)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Contact)]
    public string? Phone { get; set; }

    [Personal(PersonalDataCategory.FreeText, Redact = true)]
    public string Body { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset? ClosedAt { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
