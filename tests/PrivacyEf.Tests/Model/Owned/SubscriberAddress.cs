using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Owned;

/// <summary>Owned by one subscriber, in the subscriber's table; no [DataSubject] of its own (and PRIV011 knows why).</summary>
[Owned]
public class SubscriberAddress
{
    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
