namespace PrivacyEf.Tests.Model.Matrix.ShadowLinks;

/// <summary>The data subject the shadow-linked rows point at through their navigations.</summary>
public class MatrixCustomer
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";
}
