using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

public sealed class SqliteRetentionTests : RetentionTests, IDisposable
{
    private readonly SqliteTarget sqlite;

    public SqliteRetentionTests()
        : this(new SqliteTarget())
    {
    }

    private SqliteRetentionTests(SqliteTarget sqlite)
        : base(sqlite)
    {
        this.sqlite = sqlite;
    }

    protected override (string Kind, string ConnectionString) ChildDatabase(RetentionApp app) =>
        ("sqlite", $"Data Source={sqlite.FilePath(app.Database)};Pooling=False");

    public void Dispose() => sqlite.Dispose();
}
