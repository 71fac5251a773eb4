namespace PrivacyEf.Tests.Model.Access;

public class PatronOrder
{
    public int Id { get; set; }

    [DataSubject]
    public int PatronId { get; set; }

    public Patron? Patron { get; set; }

    [Personal(PersonalDataCategory.Financial, Mask = MaskStyle.Last4)]
    [Purpose("billing")]
    public string CardNumber { get; set; } = "";

    public decimal Amount { get; set; }
}
