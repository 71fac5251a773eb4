using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

public sealed class SqliteKeyRingSafetyTests() : KeyRingSafetyTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
