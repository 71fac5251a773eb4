namespace PrivacyEf.Tests.Access;

/// <summary>A DTO that a projection fills from a card number.</summary>
public sealed class CardView
{
    public int Id { get; set; }

    public string Card { get; set; } = "";
}
