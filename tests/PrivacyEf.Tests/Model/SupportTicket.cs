namespace PrivacyEf.Tests.Model;

[Retain(365, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class SupportTicket
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string ContactEmail { get; set; } = "";

    [Personal(PersonalDataCategory.FreeText)]
    public string? Body { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
