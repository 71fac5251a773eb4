using System.Diagnostics.Metrics;

namespace PrivacyEf.Kernel;

/// <summary>
/// PrivacyEf's one meter, named <c>PrivacyEf</c>: every capability creates its instruments on it, so a listener
/// subscribes to one name for all of them.
/// </summary>
internal static class PrivacyMeter
{
    public const string Name = "PrivacyEf";

    public static readonly Meter Meter = new(Name);
}
