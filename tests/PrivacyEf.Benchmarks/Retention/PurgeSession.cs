using PrivacyEf;

namespace PrivacyEf.Benchmarks.Retention;

[Retain(7, From = nameof(StartedAt))]
public class PurgeSession
{
    public long Id { get; set; }

    [Personal(PersonalDataCategory.Online)]
    public string IpAddress { get; set; } = "";

    public DateTime StartedAt { get; set; }
}
