using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteMaskedWriteBackTests() : MaskedWriteBackTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
