using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Redaction;

public sealed class SqliteRedactionPersistenceTests : RelationalRedactionPersistenceTests, IDisposable
{
    private readonly SqliteTarget sqlite;

    public SqliteRedactionPersistenceTests()
        : this(new SqliteTarget())
    {
    }

    private SqliteRedactionPersistenceTests(SqliteTarget sqlite)
        : base(sqlite)
    {
        this.sqlite = sqlite;
    }

    public void Dispose() => sqlite.Dispose();
}
