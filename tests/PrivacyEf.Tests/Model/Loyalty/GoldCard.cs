namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>A derived principal: perks reference gold cards, never plain ones.</summary>
public class GoldCard : Card
{
    public int Tier { get; set; }
}
