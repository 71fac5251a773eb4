using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model;

// A unique index on a searchable property: PrivacyEf moves it to the blind index.
[Index(nameof(Login), IsUnique = true)]
public class Account
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.Online, Encrypt = true, Searchable = true)]
    public string Login { get; set; } = "";
}
