using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Owned;

/// <summary>A collection owned by a subscriber, in a table of its own.</summary>
[Owned]
public class SubscriberPhone
{
    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    public string Number { get; set; } = "";

    public string Kind { get; set; } = "";
}
