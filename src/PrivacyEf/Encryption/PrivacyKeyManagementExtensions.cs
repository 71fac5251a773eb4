using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;
using PrivacyEf.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Key rotation, re-encryption and key retirement for a context that uses PrivacyEf.</summary>
public static class PrivacyKeyManagementExtensions
{
    /// <summary>The keys of the context's key table, without their material.</summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Every key, oldest first.</returns>
    public static async Task<IReadOnlyList<DataKeyInfo>> GetDataKeysAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        PrivacyKernel.Of(context);
        var rows = await context.Set<PrivacyDataKey>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new DataKeyInfo(Guid.ParseExact(r.Id, "N"), r.Kind, r.Status, r.CreatedAt)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)];
    }

    /// <summary>
    /// Makes a new data key active. Values already stored keep decrypting with their key; new values are
    /// sealed with the new one; <see cref="ReencryptAsync"/> moves the stored ones. Other instances of the
    /// application pick the new key up within <see cref="PrivacyOptions.KeyRefreshInterval"/>.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="cancellationToken">Cancels the rotation (nothing changes unless it completes).</param>
    /// <returns>The id of the new active key.</returns>
    public static async Task<Guid> RotateDataKeyAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        var kernel = PrivacyKernel.Of(context);
        var ring = kernel.Get<DataKeyRing>();
        await ring.PrepareForWriteAsync(context, needsBlindIndexKey: false, async: true, cancellationToken).ConfigureAwait(false);
        var key = DataKey.Create(kernel.Clock.GetUtcNow());
        var ownsTransaction = context.Database.CurrentTransaction is null;
        var transaction = ownsTransaction ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            var active = await context.Set<PrivacyDataKey>()
                .Where(k => k.Kind == DataKeyKind.Data && k.Status == DataKeyStatus.Active)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            active.ForEach(k => k.Status = DataKeyStatus.DecryptOnly);
            context.Add(ring.ToRow(key, DataKeyKind.Data, DataKeyStatus.Active));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }

        ring.Activate(key, context);
        return key.Id;
    }

    /// <summary>
    /// Starts a rotation of the blind-index key: a new key (the next generation) joins the key table, and
    /// equality lookups on searchable properties match under both keys until the rotation ends. Values
    /// written from <see cref="BlindIndexRotation.WritesMoveAt"/> on are indexed under the new key;
    /// <see cref="ReencryptAsync"/> run after that moment rebuilds the stored indexes, and run again one refresh
    /// interval later (when no index is left under the old key) retires the old key, which ends the rotation.
    /// Two instances rotating at once start one rotation.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>, on a relational database.</param>
    /// <param name="cancellationToken">Cancels the rotation (nothing changes unless it completes).</param>
    /// <returns>The new key and when writes move to it.</returns>
    /// <exception cref="InvalidOperationException">
    /// A rotation is already under way; or, on a provider without an "insert if absent" statement, the context
    /// has pending changes (the new key is saved through the change tracker).
    /// </exception>
    /// <exception cref="NotSupportedException">
    /// A searchable property lives where re-encryption cannot rebuild its index: an owned type, or a table
    /// without a single-column primary key.
    /// </exception>
    public static async Task<BlindIndexRotation> RotateBlindIndexKeyAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        var kernel = PrivacyKernel.Of(context);
        var ring = kernel.Get<DataKeyRing>();
        RefuseRowsReencryptionCannotReach(context);
        var ownsChanges = KeyTableCommands.For(context) is not { InsertIfAbsentSql: not null };
        if (ownsChanges && context.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("RotateBlindIndexKeyAsync saves the new key through the change tracker on this provider; call it on a context without pending changes.");
        }

        await ring.PrepareForWriteAsync(context, needsBlindIndexKey: true, async: true, cancellationToken).ConfigureAwait(false);
        if (ownsChanges && context.ChangeTracker.HasChanges())
        {
            // The first keys of a fresh database, added by PrepareForWrite: saved before the new one is added.
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await ring.RefreshAsync(context, cancellationToken).ConfigureAwait(false);
        var current = ring.BlindIndexKeysForLookup;
        if (current is { Previous: { } previous, Newest: { } rotating })
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"A blind-index key rotation is already under way (generation {previous.Generation} to {rotating.Generation}); run ReencryptAsync after {current.WritesMoveAt(ring.RefreshInterval):u} to rebuild the indexes, and again after {current.RetirementAllowedAt(ring.RefreshInterval):u} to end it, before rotating again."));
        }

        var generation = current.Newest!.Generation + 1;
        var key = new DataKey(BlindIndexKey.IdFor(generation), RandomNumberGenerator.GetBytes(DataKey.KeySizeInBytes), kernel.Clock.GetUtcNow());
        var row = ring.ToRow(key, DataKeyKind.BlindIndex, DataKeyStatus.Active);
        if (KeyTableCommands.For(context) is { InsertIfAbsentSql: not null } commands)
        {
            // Inserted only if absent: a concurrent rotation to the same generation leaves one key.
            await commands.InsertIfAbsentAsync(context, row, async: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var entry = context.Add(row);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                entry.State = EntityState.Detached;
                if (!await context.Set<PrivacyDataKey>().AsNoTracking().AnyAsync(k => k.Id == row.Id, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                // Another instance rotated to the same generation a moment earlier: one rotation, as intended.
            }
        }

        await ring.RefreshAsync(context, cancellationToken).ConfigureAwait(false);
        var rotated = ring.BlindIndexKeysForLookup;
        return new BlindIndexRotation(rotated.Newest!.Key.Id, rotated.Newest.Generation, rotated.WritesMoveAt(ring.RefreshInterval));
    }

    /// <summary>
    /// Moves every stored encrypted value that is not sealed with the active data key to it, in batches of
    /// one transaction each: values of rotated-out keys, legacy plaintext (with
    /// <see cref="PrivacyOptions.AllowLegacyPlaintextReads"/> on) and rows whose blind index is missing.
    /// During a blind-index key rotation (see <see cref="RotateBlindIndexKeyAsync"/>) it also rebuilds the
    /// blind indexes computed under the old key once writes have moved, and retires that key one refresh
    /// interval later when none is left; after a rotation it re-indexes any row still under an older key.
    /// Interrupted, it leaves each row either moved or untouched, and a second run finishes the job.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>, on a relational database.</param>
    /// <param name="options">Batch size.</param>
    /// <param name="progress">Receives the position after every batch.</param>
    /// <param name="cancellationToken">Stops after the current batch's transaction (a batch is never half done).</param>
    /// <returns>What was moved.</returns>
    public static async Task<ReencryptionReport> ReencryptAsync(this DbContext context, ReencryptionOptions? options = null, IProgress<ReencryptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReencryptionOptions();
        if (options.BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "ReencryptionOptions.BatchSize must be positive.");
        }

        var kernel = PrivacyKernel.Of(context);
        var report = await ReencryptCoreAsync(context, kernel, options, progress, cancellationToken).ConfigureAwait(false);
        if (kernel.Get<SqlDialects>().Find(context)?.FlushErasedPages is { } flush && context.Database.CurrentTransaction is null)
        {
            // The values re-encryption replaced (legacy plaintext among them) stay in the journal, and in the main
            // file's old pages, until the journal is flushed into it.
            await context.Database.ExecuteSqlRawAsync(flush, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private static async Task<ReencryptionReport> ReencryptCoreAsync(DbContext context, PrivacyKernel kernel, ReencryptionOptions options, IProgress<ReencryptionProgress>? progress, CancellationToken cancellationToken)
    {

        // Re-encryption reads and rewrites every value: a masked value must never be what gets sealed again.
        using var system = Privacy.System("re-encryption to the active data key");
        var stopwatch = Stopwatch.StartNew();
        var scans = EncryptedTableScan.For(context, kernel.Get<SqlDialects>().Require(context, nameof(ReencryptAsync), EncryptedTableScan.DialectNeeds));
        var ring = kernel.Get<DataKeyRing>();
        await ring.PrepareForWriteAsync(context, needsBlindIndexKey: true, async: true, cancellationToken).ConfigureAwait(false);
        await ring.RefreshAsync(context, cancellationToken).ConfigureAwait(false);
        var activeKey = ring.ActiveKey.Id;
        var indexKeys = ring.BlindIndexKeysForLookup;
        // Indexes not under the newest key are rebuilt once writes use it, and also after the rotation has
        // ended: a row an instance with a lagging clock indexed under the old key is repaired by the next run.
        var rebuildDeferred = indexKeys.IsRotating && kernel.Clock.GetUtcNow() < indexKeys.WritesMoveAt(ring.RefreshInterval);
        var rebuildTag = rebuildDeferred ? null : indexKeys.Newest?.Tag;
        var results = new List<ReencryptionResult>();
        foreach (var scan in scans)
        {
            var entity = scan.EntityType.ClrType.Name;
            var total = await ScalarAsync(context, connection => scan.CountNotUnder(connection, activeKey, rebuildTag), cancellationToken).ConfigureAwait(false);
            long processed = 0;
            var batches = 0;
            var walk = new ReencryptionWalk(context, scan, activeKey, rebuildTag, options.BatchSize, rows =>
            {
                processed += rows;
                batches++;
                progress?.Report(new ReencryptionProgress(entity, processed, Math.Max(total, processed)));
            });
            await KeysetBatchRunner.RunAsync(context, walk, KeysetPosition<object>.Start, cancellationToken).ConfigureAwait(false);
            results.Add(new ReencryptionResult(entity, processed, batches));
        }

        var report = new ReencryptionReport(activeKey, results, stopwatch.Elapsed) { BlindIndexKeyGeneration = indexKeys.Newest?.Generation };
        if (rebuildDeferred)
        {
            return report with { BlindIndexRebuildDeferredUntil = indexKeys.WritesMoveAt(ring.RefreshInterval) };
        }

        if (indexKeys.Previous is { } rebuilt && rebuildTag is not null)
        {
            var retirementAllowedAt = indexKeys.RetirementAllowedAt(ring.RefreshInterval);
            if (kernel.Clock.GetUtcNow() < retirementAllowedAt)
            {
                return report with { BlindIndexRetirementDeferredUntil = retirementAllowedAt, Duration = stopwatch.Elapsed };
            }

            var left = await CountIndexesNotUnderAsync(context, scans, rebuildTag, cancellationToken).ConfigureAwait(false);
            if (left > 0)
            {
                // Indexed under the old key after this run passed them (an instance whose clock runs behind).
                return report with { BlindIndexesLeftUnderPreviousKey = left, Duration = stopwatch.Elapsed };
            }

            await RetireBlindIndexKeyAsync(context, rebuilt, cancellationToken).ConfigureAwait(false);
            await ring.RefreshAsync(context, cancellationToken).ConfigureAwait(false);
            return report with { RetiredBlindIndexKeyId = rebuilt.Key.Id, Duration = stopwatch.Elapsed };
        }

        return report;
    }

    /// <summary>
    /// Refuses a blind-index rotation the rebuild could not finish: re-encryption reaches rows of tables with a
    /// single-column key only, and would retire the old key with indexes of other rows still under it.
    /// </summary>
    private static void RefuseRowsReencryptionCannotReach(DbContext context)
    {
        // Types without a table of their own (views, SQL or function mappings, the abstract base of a TPC
        // hierarchy) are left out: the rows they read are rebuilt through the types mapped to the tables.
        var unreachable = context.Model.GetEntityTypes()
            .Where(e => e.IsOwned() || (e.GetTableName() is not null && e.FindPrimaryKey() is not { Properties.Count: 1 }))
            .SelectMany(e => (PrivacyMetadata.Of(e)?.Properties ?? [])
                .Where(p => p.Searchable && e.FindProperty(EncryptionModelConvention.BlindIndexPropertyName(p.Name)) is not null)
                .Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .ToList();
        if (unreachable.Count > 0)
        {
            throw new NotSupportedException(
                $"The blind-index key cannot be rotated: re-encryption cannot rebuild the blind indexes of {string.Join(", ", unreachable)} (owned types and tables without a single-column primary key are out of its reach).");
        }
    }

    private static async Task<long> CountIndexesNotUnderAsync(DbContext context, IReadOnlyList<EncryptedTableScan> scans, string newestTag, CancellationToken cancellationToken)
    {
        long left = 0;
        foreach (var scan in scans.Where(s => s.HasBlindIndexes))
        {
            left += await ScalarAsync(context, connection => scan.CountIndexesNotUnder(connection, newestTag), cancellationToken).ConfigureAwait(false);
        }

        return left;
    }

    /// <summary>Ends a blind-index key rotation (no stored index is left under the old key).</summary>
    private static async Task RetireBlindIndexKeyAsync(DbContext context, BlindIndexKey previous, CancellationToken cancellationToken)
    {
        var id = previous.Key.Id.ToString("N");
        var row = await context.Set<PrivacyDataKey>().SingleOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Blind-index key {id} (generation {previous.Generation}) is not in this database's key table; PrivacyEf keeps one set of blind-index keys per application, so point the application at the database whose key table it rotated."));
        row.Status = DataKeyStatus.Retired;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        context.ChangeTracker.Clear();
    }

    /// <summary>
    /// Marks a data key retired. Refused while it is the active key or any stored value is still sealed with
    /// it (run <see cref="ReencryptAsync"/> first): a retired key must never be needed again.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>, on a relational database.</param>
    /// <param name="keyId">The key to retire.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the key is retired.</returns>
    public static async Task RetireDataKeyAsync(this DbContext context, Guid keyId, CancellationToken cancellationToken = default)
    {
        var kernel = PrivacyKernel.Of(context);
        var dialect = kernel.Get<SqlDialects>().Require(context, nameof(RetireDataKeyAsync), EncryptedTableScan.DialectNeeds);
        var id = keyId.ToString("N");
        var row = await context.Set<PrivacyDataKey>().SingleOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Data key {id} is not in the key table.");
        if (row.Kind != DataKeyKind.Data)
        {
            throw new InvalidOperationException($"Key {id} is a {row.Kind} key, not a data key.");
        }

        if (row.Status == DataKeyStatus.Active || kernel.Get<DataKeyRing>().CurrentActiveKey?.Id == keyId)
        {
            throw new InvalidOperationException($"Data key {id} is the active key; rotate to a new key and re-encrypt before retiring it.");
        }

        var inUse = new List<string>();
        foreach (var scan in EncryptedTableScan.For(context, dialect))
        {
            var rows = await ScalarAsync(context, connection => scan.CountUnder(connection, keyId), cancellationToken).ConfigureAwait(false);
            if (rows > 0)
            {
                inUse.Add(string.Create(CultureInfo.InvariantCulture, $"{scan.EntityType.ClrType.Name}: {rows} rows"));
            }
        }

        if (inUse.Count > 0)
        {
            throw new InvalidOperationException($"Data key {id} still seals stored values ({string.Join(", ", inUse)}); run ReencryptAsync before retiring it.");
        }

        row.Status = DataKeyStatus.Retired;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(DbContext context, Func<System.Data.Common.DbConnection, System.Data.Common.DbCommand> create, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = create(context.Database.GetDbConnection());
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
