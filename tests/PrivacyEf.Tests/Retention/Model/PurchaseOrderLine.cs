namespace PrivacyEf.Tests.Retention.Model;

/// <summary>Retained like its order; its foreign key restricts deletes, so it must be purged first.</summary>
[Retain(365, From = nameof(PlacedAt))]
public class PurchaseOrderLine
{
    public int Id { get; set; }

    public int PurchaseOrderId { get; set; }

    public PurchaseOrder? PurchaseOrder { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string? GiftMessage { get; set; }

    public DateTime PlacedAt { get; set; }
}
