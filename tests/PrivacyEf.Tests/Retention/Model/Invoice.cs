namespace PrivacyEf.Tests.Retention.Model;

[Retain(30, From = nameof(IssuedAt))]
public class Invoice
{
    public Guid Id { get; set; }

    [Personal(PersonalDataCategory.Financial)]
    public string BillingName { get; set; } = "";

    public DateTime IssuedAt { get; set; }
}
