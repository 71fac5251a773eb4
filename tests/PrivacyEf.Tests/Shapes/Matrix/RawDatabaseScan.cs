using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>
/// Every value of every column of every table of a context's model, read as text with plain ADO.NET: no converter, no
/// interceptor and no mask between the test and what the database holds.
/// </summary>
public sealed class RawDatabaseScan
{
    private readonly List<(string Where, string Text)> values;

    private RawDatabaseScan(List<(string Where, string Text)> values) => this.values = values;

    public static async Task<RawDatabaseScan> ReadAsync(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = new List<(string Where, string Text)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {name}";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        if (!await reader.IsDBNullAsync(column))
                        {
                            values.Add(($"{table.Name}.{reader.GetName(column)}", AsText(reader, column)));
                        }
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new RawDatabaseScan(values);
    }

    /// <summary>Asserts that some column holds <paramref name="text"/>: the scan reached where a row is stored.</summary>
    public void AssertFound(string text) =>
        Assert.True(values.Exists(v => v.Text.Contains(text, StringComparison.Ordinal)), $"No column holds \"{text}\".");

    /// <summary>Asserts that no column holds <paramref name="text"/>, naming the column that does.</summary>
    public void AssertNotFound(string text)
    {
        var holders = values.Where(v => v.Text.Contains(text, StringComparison.Ordinal)).Select(v => v.Where).Distinct().ToList();
        Assert.True(holders.Count == 0, $"\"{text}\" is stored in plaintext in {string.Join(", ", holders)}.");
    }

    // A byte[] column holds an envelope; plaintext written there as bytes would still read as text.
    private static string AsText(DbDataReader reader, int column) => reader.GetValue(column) switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
