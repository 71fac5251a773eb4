using PrivacyEf;

namespace PrivacyEf.Benchmarks.Retention;

[Retain(30, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class PurgeTicket
{
    public long Id { get; set; }

    [Personal(PersonalDataCategory.Contact)]
    public string? Email { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string? Body { get; set; }

    public DateTime ClosedAt { get; set; }
}
