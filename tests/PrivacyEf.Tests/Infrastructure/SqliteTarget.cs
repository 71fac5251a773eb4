using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>SQLite on a real file in a temporary directory.</summary>
public sealed class SqliteTarget : DatabaseTarget, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-sqlite-").FullName;

    public override string Name => "SQLite";

    public override bool IsRelational => true;

    public string FilePath(string database) => Path.Combine(directory, database + ".db");

    public override void UseDatabase(DbContextOptionsBuilder builder, string database) =>
        builder.UseSqlite($"Data Source={FilePath(database)};Pooling=False");

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizing connection: the OS temp cleaner gets it later.
        }
    }
}
