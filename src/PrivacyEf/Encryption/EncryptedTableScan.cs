using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>
/// Finds, in SQL, the rows of one entity's table whose encrypted columns are not sealed with a given key:
/// the envelope header (version and key id) sits at a fixed place at the start of every stored value, so the
/// dialect's substring tells the key without decrypting. Legacy plaintext and missing blind indexes match too.
/// </summary>
internal sealed class EncryptedTableScan
{
    private readonly string table;
    private readonly string keyColumn;
    private readonly List<(string Column, bool IsString)> encryptedColumns = [];
    private readonly List<(string Column, string BlindIndexColumn)> searchableColumns = [];
    private readonly ISqlGenerationHelper sql;
    private readonly ISqlDialect dialect;

    private EncryptedTableScan(IEntityType entityType, IProperty key, ISqlGenerationHelper sql, ISqlDialect dialect)
    {
        EntityType = entityType;
        Key = key;
        this.sql = sql;
        this.dialect = dialect;
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        table = sql.DelimitIdentifier(store.Name, store.Schema);
        keyColumn = sql.DelimitIdentifier(key.GetColumnName(store)!);
        var metadata = PrivacyMetadata.Of(entityType)!;
        foreach (var personal in metadata.Properties.Where(p => p.Encrypt))
        {
            // A property whose column is in another table (the base table of a TPT hierarchy) is scanned there.
            if (entityType.FindProperty(personal.Name) is not { } property || property.GetColumnName(store) is not { } columnName)
            {
                continue;
            }

            var column = sql.DelimitIdentifier(columnName);
            encryptedColumns.Add((column, property.ClrType == typeof(string)));
            EncryptedProperties.Add(personal.Name);
            if (personal.Searchable && entityType.FindProperty(EncryptionModelConvention.BlindIndexPropertyName(personal.Name))?.GetColumnName(store) is { } shadowColumn)
            {
                searchableColumns.Add((column, sql.DelimitIdentifier(shadowColumn)));
            }
        }
    }

    public IEntityType EntityType { get; }

    public IProperty Key { get; }

    public List<string> EncryptedProperties { get; } = [];

    /// <summary>What a scan needs from a SQL dialect, for the message that refuses a provider without one.</summary>
    public const string DialectNeeds = "keyset paging (SELECT ... ORDER BY key LIMIT n) and the substring of a column, to read the key id in each stored envelope";

    /// <summary>One scan per table-mapped entity type with encrypted properties and a single-column key.</summary>
    /// <param name="context">The context whose tables are scanned.</param>
    /// <param name="dialect">The SQL dialect of the context's provider.</param>
    public static IReadOnlyList<EncryptedTableScan> For(DbContext context, ISqlDialect dialect)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var scans = new List<EncryptedTableScan>();
        foreach (var entityType in context.Model.GetEntityTypes())
        {
            if (PrivacyMetadata.Of(entityType) is not { } metadata
                || !metadata.Properties.Any(p => p.Encrypt && entityType.FindProperty(p.Name) is not null)
                || entityType.GetTableName() is null
                || entityType.IsOwned())
            {
                continue;
            }

            if (entityType.FindPrimaryKey() is not { Properties: [var key] })
            {
                throw new NotSupportedException($"{entityType.ClrType.Name} has encrypted properties but no single-column primary key; PrivacyEf re-encrypts rows in key order and needs one.");
            }

            // A TPT-derived type whose encrypted columns all live in the base table is covered by the base's scan.
            var scan = new EncryptedTableScan(entityType, key, sql, dialect);
            if (scan.EncryptedProperties.Count > 0)
            {
                scans.Add(scan);
            }
        }

        return scans;
    }

    /// <summary>Whether the entity has a searchable property, whose blind index a rotation rebuilds.</summary>
    public bool HasBlindIndexes => searchableColumns.Count > 0;

    /// <summary>
    /// Rows with a value not sealed under <paramref name="keyId"/>, or, when <paramref name="indexTag"/> is
    /// given, a blind index not computed under the key with that tag.
    /// </summary>
    public DbCommand CountNotUnder(DbConnection connection, Guid keyId, string? indexTag) =>
        Command(connection, $"SELECT COUNT(*) FROM {table} WHERE {NotUnder(indexTag)}", keyId, lastKey: null, indexTag);

    /// <summary>The keys of the next rows (in key order, after <paramref name="lastKey"/>) that <see cref="CountNotUnder"/> counts.</summary>
    public DbCommand NextKeysNotUnder(DbConnection connection, Guid keyId, string? indexTag, object? lastKey, int batchSize)
    {
        var after = lastKey is null ? "" : $"{keyColumn} > {Placeholder("last")} AND ";
        var text = dialect.FirstRows($"SELECT {keyColumn} FROM {table} WHERE {after}({NotUnder(indexTag)}) ORDER BY {keyColumn}", batchSize);
        return Command(connection, text, keyId, lastKey, indexTag);
    }

    /// <summary>Rows with a blind index computed under another key than the one with <paramref name="indexTag"/>.</summary>
    public DbCommand CountIndexesNotUnder(DbConnection connection, string indexTag)
    {
        var conditions = searchableColumns.Select(c => $"({c.BlindIndexColumn} IS NOT NULL AND {NotTagged(c.BlindIndexColumn)})");
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {string.Join(" OR ", conditions)}";
        Add(command, "t", indexTag);
        return command;
    }

    /// <summary>Rows with a value sealed under <paramref name="keyId"/>.</summary>
    public DbCommand CountUnder(DbConnection connection, Guid keyId)
    {
        var under = string.Join(" OR ", encryptedColumns.Select(c => $"({Prefix(c.Column, c.IsString)} = {Placeholder(c.IsString ? "s" : "b")})"));
        return Command(connection, $"SELECT COUNT(*) FROM {table} WHERE {under}", keyId, lastKey: null);
    }

    private string NotUnder(string? indexTag)
    {
        var conditions = encryptedColumns
            .Select(c => $"({c.Column} IS NOT NULL AND {Prefix(c.Column, c.IsString)} <> {Placeholder(c.IsString ? "s" : "b")})")
            .Concat(searchableColumns.Select(c => indexTag is null
                ? $"({c.Column} IS NOT NULL AND {c.BlindIndexColumn} IS NULL)"
                : $"({c.Column} IS NOT NULL AND ({c.BlindIndexColumn} IS NULL OR {NotTagged(c.BlindIndexColumn)}))"));
        return string.Join(" OR ", conditions);
    }

    // The tag is the first two characters of an index (see BlindIndexKey.Tag).
    private string NotTagged(string blindIndexColumn) => $"{dialect.Substring(blindIndexColumn, 1, 2)} <> {Placeholder("t")}";

    // The envelope header of a stored value: its format version and key id.
    private string Prefix(string column, bool isString) =>
        dialect.Substring(column, 1, isString ? ColumnCipher.StringPrefixFor(Guid.Empty).Length : ColumnCipher.BytesPrefixFor(Guid.Empty).Length);

    private string Placeholder(string name) => sql.GenerateParameterNamePlaceholder(name);

    private DbCommand Command(DbConnection connection, string text, Guid keyId, object? lastKey, string? indexTag = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        if (encryptedColumns.Any(c => c.IsString))
        {
            Add(command, "s", ColumnCipher.StringPrefixFor(keyId));
        }

        if (encryptedColumns.Any(c => !c.IsString))
        {
            Add(command, "b", ColumnCipher.BytesPrefixFor(keyId));
        }

        if (lastKey is not null)
        {
            Add(command, "last", lastKey);
        }

        if (indexTag is not null && searchableColumns.Count > 0)
        {
            Add(command, "t", indexTag);
        }

        return command;
    }

    private void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = sql.GenerateParameterName(name);
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
