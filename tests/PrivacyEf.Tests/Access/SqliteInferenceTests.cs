using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteInferenceTests() : InferenceTests(new SqliteTarget()), IDisposable
{
    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
