using System.Data.Common;

namespace PrivacyEf.Encryption;

/// <summary>
/// How to read one database's key table on a connection of its own. Used when a value names a key this
/// application has not loaded yet (written by another instance after start-up), at a moment when the
/// context's own connection is busy reading that very value.
/// </summary>
internal sealed record KeyTableSource(DbProviderFactory Factory, string ConnectionString, string SelectSql, Func<object, DateTimeOffset> ReadCreatedAt)
{
    public IReadOnlyList<PrivacyDataKey> ReadAll()
    {
        using var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException($"The ADO.NET provider {Factory.GetType().Name} cannot create connections.");
        connection.ConnectionString = ConnectionString;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        using var reader = command.ExecuteReader();
        return ReadRows(reader, ReadCreatedAt);
    }

    /// <summary>Reads rows selected by <see cref="KeyTableCommands.SelectSql"/>.</summary>
    /// <param name="reader">The rows.</param>
    /// <param name="readCreatedAt">Turns the stored creation time into a value (it is stored as the provider maps it).</param>
    public static IReadOnlyList<PrivacyDataKey> ReadRows(DbDataReader reader, Func<object, DateTimeOffset> readCreatedAt)
    {
        var rows = new List<PrivacyDataKey>();
        while (reader.Read())
        {
            rows.Add(new PrivacyDataKey
            {
                Id = reader.GetString(0),
                WrappedKey = reader.GetString(1),
                Status = (DataKeyStatus)Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                Kind = (DataKeyKind)Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),

                // A rotated-in blind-index key moves writes a time after its creation: every reader needs it.
                CreatedAt = readCreatedAt(reader.GetValue(4)),
            });
        }

        return rows;
    }
}
