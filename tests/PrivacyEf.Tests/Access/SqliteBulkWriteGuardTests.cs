using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteBulkWriteGuardTests() : BulkWriteGuardTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
