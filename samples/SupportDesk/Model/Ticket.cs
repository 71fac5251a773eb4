using PrivacyEf;

namespace SupportDesk.Model;

/// <summary>A support ticket: anonymized two years after it is closed, unless it is under legal hold.</summary>
[Retain(730, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class Ticket
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Mask = MaskStyle.Email)]
    public string ContactEmail { get; set; } = "";

    [Personal(PersonalDataCategory.FreeText)]
    public string Body { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset? ClosedAt { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
