namespace PrivacyEf.Tests.Retention.Model;

/// <summary>Not retained, and its foreign key restricts deleting the invoice it pays: the purge must keep those invoices and count them.</summary>
public class Payment
{
    public int Id { get; set; }

    public Guid InvoiceId { get; set; }

    public Invoice? Invoice { get; set; }

    public decimal Amount { get; set; }
}
