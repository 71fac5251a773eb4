namespace PrivacyEf.Tests.Model.Kinds;

public class ContractorInvoice
{
    public int Id { get; set; }

    [DataSubject]
    public Guid ContractorId { get; set; }

    public Contractor? Contractor { get; set; }

    [Personal(PersonalDataCategory.Financial)]
    public string Iban { get; set; } = "";
}
