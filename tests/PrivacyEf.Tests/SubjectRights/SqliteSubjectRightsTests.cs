using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteSubjectRightsTests : SubjectRightsTests
{
    private readonly SqliteTarget sqlite;

    public SqliteSubjectRightsTests()
        : this(new SqliteTarget())
    {
    }

    private SqliteSubjectRightsTests(SqliteTarget sqlite)
        : base(sqlite)
    {
        this.sqlite = sqlite;
    }

    [Fact]
    public async Task Erased_values_do_not_survive_in_the_database_file()
    {
        var app = await SeedAndEraseAsync();
        await using (var db = app.NewContext())
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA secure_delete";
            Assert.Equal(1L, await pragma.ExecuteScalarAsync());
            await db.Database.CloseConnectionAsync();
        }

        SqliteConnection.ClearAllPools();
        var file = await File.ReadAllBytesAsync(sqlite.FilePath(app.Database));
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes("zebra-ticket-body-marker")));

        // The scan sees plaintext that is still there: the other subject's ticket body.
        Assert.NotEqual(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes("grace's ticket")));
    }
}
