using System.Text;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

public sealed class SqliteEncryptionTests : RelationalEncryptionTests, IDisposable
{
    private readonly SqliteTarget sqlite;

    public SqliteEncryptionTests()
        : this(new SqliteTarget())
    {
    }

    private SqliteEncryptionTests(SqliteTarget sqlite)
        : base(sqlite)
    {
        this.sqlite = sqlite;
    }

    [Fact]
    public async Task The_database_file_holds_no_plaintext_of_encrypted_values()
    {
        const string marker = "zebra-crossing-4711@example.org";
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Zebra Crossing", Email = marker, Segment = "visible-segment-marker" });
            await db.SaveChangesAsSystemAsync();
        }

        var file = await File.ReadAllBytesAsync(sqlite.FilePath(app.Database));
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Zebra Crossing")));

        // The scan can see plaintext when it is there: the unencrypted column is found.
        Assert.NotEqual(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes("visible-segment-marker")));
    }

    public void Dispose() => sqlite.Dispose();
}
