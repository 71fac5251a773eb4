using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Json;

[Owned]
public class TravelDocument
{
    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Number { get; set; } = "";

    public string Country { get; set; } = "";
}
