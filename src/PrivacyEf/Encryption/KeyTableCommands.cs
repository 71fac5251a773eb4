using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PrivacyEf.Encryption;

/// <summary>
/// The SQL PrivacyEf runs on the key table outside EF's change tracker, built once per model from the
/// model's own table and column names and the provider's quoting rules.
/// </summary>
internal sealed class KeyTableCommands
{
    private static readonly ConditionalWeakTable<IModel, KeyTableCommands?> Cache = [];

    // Both providers accept the standard "ON CONFLICT (key) DO NOTHING".
    private static readonly HashSet<string> ProvidersWithOnConflict = new(StringComparer.Ordinal)
    {
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL",
    };

    private readonly IProperty[] insertedProperties;

    private KeyTableCommands(string selectSql, string? insertIfAbsentSql, IProperty[] insertedProperties)
    {
        SelectSql = selectSql;
        InsertIfAbsentSql = insertIfAbsentSql;
        this.insertedProperties = insertedProperties;
    }

    /// <summary>Selects id, wrapped key and status of every key.</summary>
    public string SelectSql { get; }

    /// <summary>Inserts a key row unless its id exists; null when the provider has no such statement.</summary>
    public string? InsertIfAbsentSql { get; }

    public static KeyTableCommands? For(DbContext context)
    {
        if (!context.Database.IsRelational())
        {
            return null;
        }

        var provider = context.Database.ProviderName;
        var sql = context.GetService<ISqlGenerationHelper>();
        return Cache.GetValue(context.Model, model => Build(model, sql, provider));
    }

    public async Task InsertIfAbsentAsync(DbContext context, PrivacyDataKey row, bool async, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (async)
        {
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            database.OpenConnection();
        }

        try
        {
            using DbCommand command = database.GetDbConnection().CreateCommand();
            command.CommandText = InsertIfAbsentSql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            object?[] values = [row.Id, row.WrappedKey, row.CreatedAt, row.Status];
            for (var i = 0; i < insertedProperties.Length; i++)
            {
                var mapping = insertedProperties[i].GetRelationalTypeMapping();
                var value = mapping.Converter is { } converter ? converter.ConvertToProvider(values[i]) : values[i];
                command.Parameters.Add(mapping.CreateParameter(command, "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value, nullable: false));
            }

            if (async)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            if (async)
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
            else
            {
                database.CloseConnection();
            }
        }
    }

    private static KeyTableCommands? Build(IModel model, ISqlGenerationHelper sql, string? provider)
    {
        var keyTable = model.FindEntityType(typeof(PrivacyDataKey));
        if (keyTable?.GetTableName() is not { } table)
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, keyTable.GetSchema());
        var properties = new[] { nameof(PrivacyDataKey.Id), nameof(PrivacyDataKey.WrappedKey), nameof(PrivacyDataKey.CreatedAt), nameof(PrivacyDataKey.Status) }
            .Select(name => keyTable.FindProperty(name)!)
            .ToArray();
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)).ToArray();
        var delimitedTable = sql.DelimitIdentifier(table, keyTable.GetSchema());
        var select = $"SELECT {columns[0]}, {columns[1]}, {columns[3]} FROM {delimitedTable}";
        string? insert = null;
        if (provider is not null && ProvidersWithOnConflict.Contains(provider))
        {
            var parameters = string.Join(", ", Enumerable.Range(0, columns.Length).Select(i => sql.GenerateParameterNamePlaceholder("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            insert = $"INSERT INTO {delimitedTable} ({string.Join(", ", columns)}) VALUES ({parameters}) ON CONFLICT ({columns[0]}) DO NOTHING";
        }

        return new KeyTableCommands(select, insert, properties);
    }
}
