using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteEntityGuardTests() : EntityGuardTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
