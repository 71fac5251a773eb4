using PrivacyEf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteAccessLogConcurrencyTests(ITestOutputHelper output) : AccessLogConcurrencyTests(new SqliteTarget(), output), IDisposable
{
    protected override (string Kind, string ConnectionString) ChildDatabase(AccessApp app) =>
        ("sqlite", $"Data Source={((SqliteTarget)Target).FilePath(app.Database)}");

    public void Dispose() => ((SqliteTarget)Target).Dispose();
}
