using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>
/// Re-encryption of one table, as a keyset walk: each batch reads the keys of the next rows not sealed with the
/// active key (or not indexed under the newest blind-index key), loads those rows, marks their encrypted properties
/// modified and saves, so the converters seal them again and the blind indexes are recomputed.
/// </summary>
internal sealed class ReencryptionWalk(DbContext context, EncryptedTableScan scan, Guid activeKey, string? rebuildTag, int batchSize, Action<long> batchDone) : KeysetWalk<object>
{
    private static readonly MethodInfo LoadBatchMethod = typeof(ReencryptionWalk).GetMethod(nameof(LoadBatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    // The keys FindBatchAsync read for the batch RunBatchAsync moves.
    private List<object> keys = [];

    /// <summary>Reads the keys of the next batch outside any transaction: a table with nothing to move opens none.</summary>
    public override async Task<bool> FindBatchAsync(KeysetPosition<object> after, CancellationToken cancellationToken)
    {
        var lastKey = after.HasKey ? after.Key : null;
        keys = await KeysAsync(connection => scan.NextKeysNotUnder(connection, activeKey, rebuildTag, lastKey, batchSize), cancellationToken).ConfigureAwait(false);
        return keys.Count > 0;
    }

    public override async Task<KeysetBatch<object>> RunBatchAsync(KeysetPosition<object> after, CancellationToken cancellationToken)
    {
        await ReencryptAsync(cancellationToken).ConfigureAwait(false);
        return new KeysetBatch<object>(keys.Count, KeysetPosition<object>.After(keys[^1]), IsLast: false);
    }

    public override Task BatchDoneAsync(KeysetBatch<object> batch, bool recovered, CancellationToken cancellationToken)
    {
        if (batch.Rows > 0)
        {
            batchDone(batch.Rows);
        }

        return Task.CompletedTask;
    }

    private async Task ReencryptAsync(CancellationToken cancellationToken)
    {
        try
        {
            var load = LoadBatchMethod.MakeGenericMethod(scan.EntityType.ClrType, scan.Key.ClrType);
            var entities = await ((Task<IReadOnlyList<object>>)load.Invoke(null, [context, scan.Key, keys, cancellationToken])!).ConfigureAwait(false);
            foreach (var entity in entities)
            {
                var entry = context.Entry(entity);
                foreach (var property in scan.EncryptedProperties)
                {
                    // Marked modified, the value is sealed again by its converter with the active key, and a
                    // searchable property's blind index is recomputed on the way.
                    entry.Property(property).IsModified = true;
                }
            }

            using (BlindIndexUniquenessCheck.SuspendFor(context))
            {
                try
                {
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException failure)
                {
                    throw new DbUpdateException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Re-encrypting {scan.EntityType.ClrType.Name} rows with keys {keys[0]} to {keys[^1]} failed, and the batch was rolled back: {failure.InnerException?.Message ?? failure.Message} (during a blind-index key rotation, two rows sharing the value of a unique searchable property meet under the new key here)."),
                        failure,
                        failure.Entries);
                }
            }
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    private static async Task<IReadOnlyList<object>> LoadBatchAsync<TEntity, TKey>(DbContext context, IProperty key, IReadOnlyList<object> storedKeys, CancellationToken cancellationToken)
        where TEntity : class
    {
        var mapping = key.GetRelationalTypeMapping();
        var ids = storedKeys.Select(stored => (TKey)FromStored(stored, mapping, typeof(TKey))).ToList();
        var name = key.Name;
        // The keys came from SQL that sees every row: a global query filter must not hide some of them here.
        var entities = await context.Set<TEntity>().IgnoreQueryFilters().Where(e => ids.Contains(EF.Property<TKey>(e, name))).ToListAsync(cancellationToken).ConfigureAwait(false);
        return entities;
    }

    private static object FromStored(object stored, RelationalTypeMapping mapping, Type clrType)
    {
        if (mapping.Converter is { } converter)
        {
            return converter.ConvertFromProvider(stored)!;
        }

        if (clrType.IsInstanceOfType(stored))
        {
            return stored;
        }

        return clrType == typeof(Guid) ? Guid.Parse(Convert.ToString(stored, CultureInfo.InvariantCulture)!) : Convert.ChangeType(stored, clrType, CultureInfo.InvariantCulture);
    }

    private async Task<List<object>> KeysAsync(Func<DbConnection, DbCommand> create, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = create(context.Database.GetDbConnection());
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var keys = new List<object>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetValue(0));
            }

            return keys;
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
