using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>
/// The SQL PrivacyEf runs on the key table outside EF's change tracker, built once per model from the
/// model's own table and column names and the provider's quoting rules.
/// </summary>
internal sealed class KeyTableCommands
{
    private static readonly ConditionalWeakTable<IModel, KeyTableCommands?> Cache = [];

    private readonly IProperty[] insertedProperties;
    private readonly string setStatusSql;

    private KeyTableCommands(string selectSql, string? insertIfAbsentSql, string setStatusSql, IProperty[] insertedProperties)
    {
        SelectSql = selectSql;
        InsertIfAbsentSql = insertIfAbsentSql;
        this.setStatusSql = setStatusSql;
        this.insertedProperties = insertedProperties;
    }

    /// <summary>Selects id, wrapped key and status of every key.</summary>
    public string SelectSql { get; }

    /// <summary>Reads the creation time column as <see cref="SelectSql"/> returns it (text on SQLite, a timestamp on PostgreSQL).</summary>
    public DateTimeOffset ReadCreatedAt(object stored)
    {
        var mapping = insertedProperties[2].GetRelationalTypeMapping();
        var value = mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        return value switch
        {
            DateTimeOffset time => time,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)),
            string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
            _ => throw new InvalidOperationException($"PrivacyEf cannot read the creation time of a key from a value of type {value?.GetType().Name ?? "null"}."),
        };
    }

    /// <summary>Inserts a key row unless its id exists; null when the provider has no SQL dialect (the change tracker inserts then).</summary>
    public string? InsertIfAbsentSql { get; }

    public static KeyTableCommands? For(DbContext context)
    {
        if (!context.Database.IsRelational())
        {
            return null;
        }

        // The model is built for one provider, so one dialect (or none) per model.
        var dialect = PrivacyKernel.Find(context)?.Get<SqlDialects>().Find(context);
        var sql = context.GetService<ISqlGenerationHelper>();
        return Cache.GetValue(context.Model, model => Build(model, sql, dialect));
    }

    /// <summary>Reads the key table on the context's own connection (and transaction), outside EF's query pipeline.</summary>
    public IReadOnlyList<PrivacyDataKey> ReadAll(DbContext context)
    {
        var database = context.Database;
        database.OpenConnection();
        try
        {
            using DbCommand command = database.GetDbConnection().CreateCommand();
            command.CommandText = SelectSql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            using var reader = command.ExecuteReader();
            return KeyTableSource.ReadRows(reader, ReadCreatedAt);
        }
        finally
        {
            database.CloseConnection();
        }
    }

    public Task InsertIfAbsentAsync(DbContext context, PrivacyDataKey row, bool async, CancellationToken cancellationToken) =>
        ExecuteAsync(context, InsertIfAbsentSql!, [(0, row.Id), (1, row.WrappedKey), (2, row.CreatedAt), (3, row.Status), (4, row.Kind)], async, cancellationToken);

    public Task SetStatusAsync(DbContext context, string keyId, DataKeyStatus status, bool async, CancellationToken cancellationToken) =>
        ExecuteAsync(context, setStatusSql, [(3, status), (0, keyId)], async, cancellationToken);

    private async Task ExecuteAsync(DbContext context, string sql, (int Property, object Value)[] parameters, bool async, CancellationToken cancellationToken)
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
            command.CommandText = sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < parameters.Length; i++)
            {
                var mapping = insertedProperties[parameters[i].Property].GetRelationalTypeMapping();
                var value = mapping.Converter is { } converter ? converter.ConvertToProvider(parameters[i].Value) : parameters[i].Value;
                command.Parameters.Add(mapping.CreateParameter(command, ParameterName(i), value, nullable: false));
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

    private static KeyTableCommands? Build(IModel model, ISqlGenerationHelper sql, ISqlDialect? dialect)
    {
        var keyTable = model.FindEntityType(typeof(PrivacyDataKey));
        if (keyTable?.GetTableName() is not { } table)
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, keyTable.GetSchema());
        var properties = new[] { nameof(PrivacyDataKey.Id), nameof(PrivacyDataKey.WrappedKey), nameof(PrivacyDataKey.CreatedAt), nameof(PrivacyDataKey.Status), nameof(PrivacyDataKey.Kind) }
            .Select(name => keyTable.FindProperty(name)!)
            .ToArray();
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)).ToArray();
        var delimitedTable = sql.DelimitIdentifier(table, keyTable.GetSchema());
        var select = $"SELECT {columns[0]}, {columns[1]}, {columns[3]}, {columns[4]}, {columns[2]} FROM {delimitedTable}";
        string? insert = null;
        if (dialect is not null)
        {
            var parameters = Enumerable.Range(0, columns.Length).Select(i => sql.GenerateParameterNamePlaceholder(ParameterName(i))).ToArray();
            insert = dialect.InsertIfAbsent(delimitedTable, columns, parameters);
        }

        var setStatus = $"UPDATE {delimitedTable} SET {columns[3]} = {sql.GenerateParameterNamePlaceholder(ParameterName(0))} WHERE {columns[0]} = {sql.GenerateParameterNamePlaceholder(ParameterName(1))}";
        return new KeyTableCommands(select, insert, setStatus, properties);
    }

    private static string ParameterName(int index) => "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
