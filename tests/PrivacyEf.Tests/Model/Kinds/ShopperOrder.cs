namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>Linked to its kind by its navigation: the bare [DataSubject] needs no more.</summary>
public class ShopperOrder
{
    public int Id { get; set; }

    [DataSubject]
    public int ShopperId { get; set; }

    public Shopper? Shopper { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Note { get; set; } = "";
}
