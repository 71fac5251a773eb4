using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteAccessLogDurabilityTests() : AccessLogDurabilityTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
