namespace PrivacyEf.Tests.Retention.Model;

[Retain(365, From = nameof(PlacedAt))]
public class PurchaseOrder
{
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Location)]
    public string ShippingAddress { get; set; } = "";

    public DateTime PlacedAt { get; set; }

    public List<PurchaseOrderLine> Lines { get; set; } = [];
}
