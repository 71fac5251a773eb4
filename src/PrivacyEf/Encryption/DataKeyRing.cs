using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Encryption;

/// <summary>
/// The data keys of one application (one service provider, one Data Protection key ring). Keys are
/// unwrapped once and cached by id; the key table of each database holds the wrapped copy of every key
/// its rows use, written in the same transaction as the first row that needs it.
/// </summary>
/// <remarks>
/// This object is reached from value converters, which EF caches with the model. PrivacyEf gives every
/// application its own EF internal service provider (see <c>PrivacyOptionsExtension</c>), so converters,
/// and therefore keys, are never shared between applications with different key rings.
/// </remarks>
internal sealed class DataKeyRing : IDisposable
{
    /// <summary>Every instance creates the first blind-index key under this id, so a race ends with one of them.</summary>
    public static readonly Guid FirstBlindIndexKeyId = BlindIndexKey.IdFor(1);

    private const string ProtectorPurpose = "PrivacyEf.DataKeys.v1";
    private static readonly TimeSpan MissingKeyRetryInterval = TimeSpan.FromSeconds(5);

    private readonly IDataProtector protector;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan refreshInterval;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<Guid, DataKey> keys = new();
    private readonly ConcurrentDictionary<Guid, string> unusableKeys = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> missingKeys = new();
    private readonly ConcurrentDictionary<string, DatabaseKeyState> databases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyTableSource> sources = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, List<PrivacyDataKey>> pendingKeyRows = [];
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Lock missGate = new();
    private readonly Lock indexKeysGate = new();
    // Ticks, so that the unlocked check below never reads half of a DateTimeOffset.
    private long lastIndexKeyLookupTicks = DateTimeOffset.MinValue.UtcTicks;
    private volatile DataKey? activeKey;
    private volatile BlindIndexKeySet indexKeys = BlindIndexKeySet.Empty;

    public DataKeyRing(IDataProtectionProvider dataProtection, TimeProvider timeProvider, TimeSpan refreshInterval, ILogger logger)
    {
        protector = dataProtection.CreateProtector(ProtectorPurpose);
        this.timeProvider = timeProvider;
        this.refreshInterval = refreshInterval;
        this.logger = logger;
    }

    /// <summary>The key new values are encrypted with; established by the first save that encrypts.</summary>
    public DataKey ActiveKey => activeKey
        ?? throw new InvalidOperationException("no data key is active yet; PrivacyEf loads or creates it in SaveChanges, so encrypted values can only be written through SaveChanges");

    /// <summary>The active key if one is known, without failing.</summary>
    public DataKey? CurrentActiveKey => activeKey;

    /// <summary>
    /// The blind-index keys lookups match, read again from the known key tables once per refresh interval
    /// (so an instance that only reads learns of a rotation in time), and every few seconds while none is
    /// known. Without a key no row has a blind index to match.
    /// </summary>
    public BlindIndexKeySet BlindIndexKeysForLookup
    {
        get
        {
            var known = indexKeys;
            var now = timeProvider.GetUtcNow().UtcTicks;
            var interval = (known.Newest is null ? MissingKeyRetryInterval : refreshInterval).Ticks;
            if (now - Interlocked.Read(ref lastIndexKeyLookupTicks) < interval)
            {
                return known;
            }

            lock (missGate)
            {
                if (now - Interlocked.Read(ref lastIndexKeyLookupTicks) >= interval)
                {
                    Interlocked.Exchange(ref lastIndexKeyLookupTicks, now);
                    ReloadFromSources();
                }
            }

            return indexKeys;
        }
    }

    /// <summary>The matched blind-index keys as this application knows them now, without reading any key table.</summary>
    public BlindIndexKeySet CurrentBlindIndexKeys => indexKeys;

    /// <summary>The key a value written now is indexed under, of the given keys (null before one is established).</summary>
    public BlindIndexKey? WriteKeyOf(BlindIndexKeySet keys) => keys.WriteKey(timeProvider.GetUtcNow(), refreshInterval);

    /// <summary>
    /// The matched blind-index keys for keying EF's query caches by their version (see
    /// <see cref="BlindIndexAwareMemoryCache"/>). An application without a blind-index key
    /// never reads its key table here.
    /// </summary>
    public BlindIndexKeySet BlindIndexKeysForCache => indexKeys.Newest is null ? indexKeys : BlindIndexKeysForLookup;

    /// <summary>The refresh interval: how long an instance may keep using what it read from a key table.</summary>
    public TimeSpan RefreshInterval => refreshInterval;

    public bool TryGetKey(Guid keyId, out DataKey? key, out string? problem)
    {
        if (keys.TryGetValue(keyId, out key))
        {
            problem = null;
            return true;
        }

        if (unusableKeys.TryGetValue(keyId, out problem))
        {
            return false;
        }

        lock (missGate)
        {
            if (keys.TryGetValue(keyId, out key))
            {
                problem = null;
                return true;
            }

            var now = timeProvider.GetUtcNow();
            if (!missingKeys.TryGetValue(keyId, out var lastLookup) || now - lastLookup >= MissingKeyRetryInterval)
            {
                ReloadFromSources();
                missingKeys[keyId] = now;
            }
        }

        if (keys.TryGetValue(keyId, out key))
        {
            problem = null;
            return true;
        }

        problem = unusableKeys.TryGetValue(keyId, out var reason)
            ? reason
            : $"data key {keyId:N} is not in the key table of any database this application has used (the value was written by an application with another key table, or copied from another database)";
        return false;
    }

    /// <summary>Remembers how to read the key table of the context's database when a key is missing.</summary>
    public void RegisterSource(DbContext context)
    {
        if (!context.Database.IsRelational())
        {
            return;
        }

        var identity = DatabaseIdentity(context);
        if (sources.ContainsKey(identity))
        {
            return;
        }

        var connection = context.Database.GetDbConnection();
        var factory = System.Data.Common.DbProviderFactories.GetFactory(connection);
        if (factory is not null && KeyTableCommands.For(context) is { } commands)
        {
            sources.TryAdd(identity, new KeyTableSource(factory, context.Database.GetConnectionString() ?? connection.ConnectionString, commands.SelectSql, commands.ReadCreatedAt));
        }
    }

    /// <summary>
    /// Makes sure a data key (and, when asked, the blind-index key) is active and that the context's database
    /// holds its wrapped copy before EF builds the commands whose converters use it.
    /// </summary>
    public async Task PrepareForWriteAsync(DbContext context, bool needsBlindIndexKey, bool async, CancellationToken cancellationToken)
    {
        RegisterSource(context);
        var state = databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState());
        var now = timeProvider.GetUtcNow();
        if (IsReady(context, state, needsBlindIndexKey, now))
        {
            return;
        }

        if (async)
        {
            await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            writeGate.Wait(cancellationToken);
        }

        try
        {
            if (!state.IsLoaded || now - state.LoadedAt >= refreshInterval || state.MustReload)
            {
                if (await LoadAsync(context, state, async, cancellationToken).ConfigureAwait(false) > 1)
                {
                    await DemoteRivalsAsync(context, async, cancellationToken).ConfigureAwait(false);
                }
            }

            if (activeKey is null)
            {
                var created = DataKey.Create(timeProvider.GetUtcNow());
                keys[created.Id] = created;
                KeyLog.DataKeyCreated(logger, created.Id);
                if (await StoreKeyRowAsync(context, state, created, DataKeyKind.Data, async, cancellationToken).ConfigureAwait(false))
                {
                    // Another instance may have created its first key at the same moment: everyone settles
                    // on the same one (see Absorb), and the others stay readable.
                    if (await LoadAsync(context, state, async, cancellationToken).ConfigureAwait(false) > 1)
                    {
                        await DemoteRivalsAsync(context, async, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    activeKey = created;
                }
            }
            else if (!state.Holds(activeKey.Id) && !IsPendingIn(context, activeKey.Id))
            {
                await StoreKeyRowAsync(context, state, activeKey, DataKeyKind.Data, async, cancellationToken).ConfigureAwait(false);
            }

            if (needsBlindIndexKey)
            {
                if (indexKeys.Newest is not { } newest)
                {
                    var created = new DataKey(FirstBlindIndexKeyId, RandomNumberGenerator.GetBytes(DataKey.KeySizeInBytes), timeProvider.GetUtcNow());
                    if (await StoreKeyRowAsync(context, state, created, DataKeyKind.BlindIndex, async, cancellationToken).ConfigureAwait(false))
                    {
                        // Inserted only if absent: whichever instance came first, all now read the same key.
                        await LoadAsync(context, state, async, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        keys[created.Id] = created;
                        UseIndexKeys(new BlindIndexKey(1, created), previous: null, created.CreatedAt);
                    }
                }
                else
                {
                    foreach (var indexKey in new[] { newest, indexKeys.Previous })
                    {
                        if (indexKey is not null && !state.Holds(indexKey.Key.Id) && !IsPendingIn(context, indexKey.Key.Id))
                        {
                            await StoreKeyRowAsync(context, state, indexKey.Key, DataKeyKind.BlindIndex, async, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                if (indexKeys.Newest is null)
                {
                    throw new InvalidOperationException("PrivacyEf could not establish its blind-index key: the key table holds one this application's Data Protection key ring cannot unwrap.");
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Makes sure the blind-index key exists before a lookup is compiled: EF turns a constant in a query into
    /// SQL once and caches it, so its index must be computed under the key rows will be indexed with, even
    /// when no row has been written yet. Uses the context's connection directly (EF is compiling a query on it).
    /// </summary>
    public void EnsureBlindIndexKey(DbContext context)
    {
        if (indexKeys.Newest is not null || KeyTableCommands.For(context) is not { } commands)
        {
            return;
        }

        RegisterSource(context);
        var state = databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState());
        writeGate.Wait();
        try
        {
            Absorb(commands.ReadAll(context), state);
            if (indexKeys.Newest is null && commands.InsertIfAbsentSql is not null)
            {
                var created = new DataKey(FirstBlindIndexKeyId, RandomNumberGenerator.GetBytes(DataKey.KeySizeInBytes), timeProvider.GetUtcNow());
                commands.InsertIfAbsentAsync(context, ToRow(created, DataKeyKind.BlindIndex, DataKeyStatus.Active), async: false, CancellationToken.None).GetAwaiter().GetResult();
                Absorb(commands.ReadAll(context), state);
            }
        }
        finally
        {
            writeGate.Release();
        }

        if (indexKeys.Newest is null)
        {
            throw new InvalidOperationException("PrivacyEf could not establish its blind-index key for a lookup on an encrypted column: the key table holds one this application's Data Protection key ring cannot unwrap, or the provider cannot insert it.");
        }
    }

    /// <summary>Reads the key table of the context's database again, now (after a change made through it).</summary>
    public async Task RefreshAsync(DbContext context, CancellationToken cancellationToken)
    {
        RegisterSource(context);
        var state = databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState());
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(context, state, async: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Adds a key this application already holds in memory (for tools and tests that build a ring by hand).</summary>
    internal void AddKey(DataKey key, bool activate)
    {
        keys[key.Id] = key;
        if (activate)
        {
            activeKey = key;
        }
    }

    /// <summary>Makes <paramref name="key"/> the active data key of this application (after a rotation).</summary>
    public void Activate(DataKey key, DbContext context)
    {
        keys[key.Id] = key;
        activeKey = key;
        databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState()).MarkStored(key.Id);
    }

    /// <summary>Wraps a key with the application's Data Protection key ring, for the key table.</summary>
    public PrivacyDataKey ToRow(DataKey key, DataKeyKind kind, DataKeyStatus status) => new()
    {
        Id = key.Id.ToString("N"),
        WrappedKey = Convert.ToBase64String(protector.Protect(key.Material.ToArray())),
        CreatedAt = key.CreatedAt,
        Status = status,
        Kind = kind,
    };

    /// <summary>Records that the context's database now holds the key rows added through the change tracker.</summary>
    public void CompleteWrite(DbContext context)
    {
        if (pendingKeyRows.TryGetValue(context, out var rows) && rows.TrueForAll(row => context.Entry(row).State == EntityState.Unchanged))
        {
            var state = databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState());
            rows.ForEach(row => state.MarkStored(Guid.ParseExact(row.Id, "N")));
            pendingKeyRows.Remove(context);
        }
    }

    public void Dispose() => writeGate.Dispose();

    private bool IsReady(DbContext context, DatabaseKeyState state, bool needsBlindIndexKey, DateTimeOffset now)
    {
        var current = activeKey;
        if (current is null || !state.IsLoaded || now - state.LoadedAt >= refreshInterval || state.MustReload)
        {
            return false;
        }

        if (!state.Holds(current.Id) && !IsPendingIn(context, current.Id))
        {
            return false;
        }

        return !needsBlindIndexKey || (indexKeys.Newest is { } index && (state.Holds(index.Key.Id) || IsPendingIn(context, index.Key.Id)));
    }

    /// <returns>How many active data keys this application can use the table holds.</returns>
    private async Task<int> LoadAsync(DbContext context, DatabaseKeyState state, bool async, CancellationToken cancellationToken)
    {
        var query = context.Set<PrivacyDataKey>().AsNoTracking();
        List<PrivacyDataKey> rows;
        try
        {
            rows = async ? await query.ToListAsync(cancellationToken).ConfigureAwait(false) : [.. query];
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"PrivacyEf could not read its key table '{context.Model.FindEntityType(typeof(PrivacyDataKey))?.GetTableName()}'. Create it with EnsureCreated or a migration (it is part of every model that uses UsePrivacy).",
                ex);
        }

        // Only what the table holds now counts as stored: a row deleted under the running application must not be
        // taken for present until the next restart finds the values sealed under it unreadable.
        // Rows read inside a transaction may be the transaction's own, and vanish with a rollback: only a read outside
        // one says what is stored.
        var confirmed = context.Database.CurrentTransaction is null;
        var writingWith = activeKey;
        var stored = writingWith is not null && state.Holds(writingWith.Id);
        if (confirmed)
        {
            state.ForgetStored();
        }

        var activeDataKeys = Absorb(rows, state, retryUnreadable: true, markStored: confirmed);
        state.IsLoaded = true;
        state.LoadedAt = timeProvider.GetUtcNow();
        Interlocked.Exchange(ref lastIndexKeyLookupTicks, state.LoadedAt.UtcTicks);
        if (state.UnreadableKeys.Count > 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"PrivacyEf refuses to write: the key table of this database holds {state.UnreadableKeys.Count} data key(s) ({string.Join(", ", state.UnreadableKeys.Select(k => k.ToString("N")))}) that this application's Data Protection key ring cannot unwrap. The application runs with the wrong key ring (another application name, an empty or missing key directory or volume); values written now would be sealed under a key the right ring cannot read, or the rows sealed under those keys would stay unreadable. Point Data Protection at the key ring that wrote them (SetApplicationName, PersistKeysTo...) and restart."));
        }

        // Refused until the row is back (restored from a backup), never re-inserted from memory: the row may have been
        // deleted on purpose (crypto-shredding), and a key brought back by a running instance would undo that.
        var vanished = confirmed
            && writingWith is not null
            && (stored || state.VanishedKey == writingWith.Id)
            && !state.Holds(writingWith.Id)
            && !IsPendingIn(context, writingWith.Id);
        if (confirmed)
        {
            state.VanishedKey = vanished ? writingWith!.Id : null;
        }

        if (vanished)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"PrivacyEf refuses to write: the row of data key {writingWith!.Id:N}, which this application writes with, is no longer in the key table '{context.Model.FindEntityType(typeof(PrivacyDataKey))?.GetTableName()}'. Values sealed under a key whose row is gone cannot be read after a restart. Restore the row from a backup (values written since it disappeared need it too), then restart the application."));
        }

        return activeDataKeys;
    }

    /// <summary>Leaves one active data key in the table: the one every instance picks (see <see cref="Absorb"/>).</summary>
    private async Task DemoteRivalsAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        if (KeyTableCommands.For(context) is not { } commands || activeKey is not { } canonical)
        {
            return;
        }

        var query = context.Set<PrivacyDataKey>().AsNoTracking().Where(k => k.Kind == DataKeyKind.Data && k.Status == DataKeyStatus.Active);
        var active = async ? await query.ToListAsync(cancellationToken).ConfigureAwait(false) : [.. query];
        foreach (var rival in active.Where(k => !string.Equals(k.Id, canonical.Id.ToString("N"), StringComparison.Ordinal) && keys.ContainsKey(Guid.ParseExact(k.Id, "N"))))
        {
            await commands.SetStatusAsync(context, rival.Id, DataKeyStatus.DecryptOnly, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>True when the row was written at once (insert-if-absent); false when it waits in the change tracker.</returns>
    private async Task<bool> StoreKeyRowAsync(DbContext context, DatabaseKeyState state, DataKey key, DataKeyKind kind, bool async, CancellationToken cancellationToken)
    {
        var row = ToRow(key, kind, DataKeyStatus.Active);
        if (KeyTableCommands.For(context) is { InsertIfAbsentSql: not null } commands)
        {
            // Written at once with "insert if absent", so concurrent first writers of one key cannot collide.
            // Outside a transaction the row commits before the values that use it (an unused key row is
            // harmless); inside the caller's transaction it commits or rolls back with them.
            await commands.InsertIfAbsentAsync(context, row, async, cancellationToken).ConfigureAwait(false);
            if (context.Database.CurrentTransaction is null)
            {
                state.MarkStored(key.Id);
            }

            return true;
        }

        // Providers without an "insert if absent" statement get the row through the change tracker, in
        // the same SaveChanges as the values that use it.
        context.Add(row);
        pendingKeyRows.GetOrCreateValue(context).Add(row);
        return false;
    }

    private bool IsPendingIn(DbContext context, Guid keyId) =>
        pendingKeyRows.TryGetValue(context, out var rows)
        && rows.Exists(row => string.Equals(row.Id, keyId.ToString("N"), StringComparison.Ordinal) && context.Entry(row).State == EntityState.Added);

    private void ReloadFromSources()
    {
        foreach (var (identity, source) in sources)
        {
            try
            {
                var state = databases.GetOrAdd(identity, _ => new DatabaseKeyState());
                Absorb(source.ReadAll(), state);
            }
            catch (System.Data.Common.DbException ex)
            {
                KeyLog.KeyTableUnreadable(logger, ex);
            }
        }
    }

    /// <summary>
    /// Takes in the rows of a key table. Of several active data keys (two instances created their first key
    /// at once), every instance picks the one with the smallest id, so they converge without talking.
    /// </summary>
    /// <returns>How many usable active data keys the rows hold.</returns>
    private int Absorb(IEnumerable<PrivacyDataKey> rows, DatabaseKeyState state, bool retryUnreadable = false, bool markStored = true)
    {
        var activeDataKeys = 0;
        var unreadable = new List<Guid>();
        DataKey? canonicalActive = null;
        var indexKeysFound = new List<(BlindIndexKey Key, DateTimeOffset CreatedAt)>();
        foreach (var row in rows)
        {
            if (!Guid.TryParseExact(row.Id, "N", out var id))
            {
                KeyLog.MalformedKeyRow(logger, row.Id);
                continue;
            }

            if (markStored)
            {
                state.MarkStored(id);
            }

            if (!keys.TryGetValue(id, out var key) && (retryUnreadable || !unusableKeys.ContainsKey(id)))
            {
                key = Unwrap(id, row);
            }

            if (key is null && row.Status != DataKeyStatus.Retired)
            {
                unreadable.Add(id);
            }

            if (key is null || row.Status != DataKeyStatus.Active)
            {
                continue;
            }

            if (row.Kind == DataKeyKind.BlindIndex)
            {
                if (BlindIndexKey.GenerationOf(id) is { } generation)
                {
                    indexKeysFound.Add((new BlindIndexKey(generation, key), row.CreatedAt));
                }
                else
                {
                    KeyLog.MalformedKeyRow(logger, row.Id);
                }

                continue;
            }

            activeDataKeys++;
            if (canonicalActive is null || string.CompareOrdinal(key.Id.ToString("N"), canonicalActive.Id.ToString("N")) < 0)
            {
                canonicalActive = key;
            }
        }

        if (canonicalActive is not null)
        {
            activeKey = canonicalActive;
        }

        state.UnreadableKeys = unreadable;

        if (indexKeysFound.Count > 0)
        {
            var newestFirst = indexKeysFound.OrderByDescending(k => k.Key.Generation).ToList();
            UseIndexKeys(newestFirst[0].Key, newestFirst.Count > 1 ? newestFirst[1].Key : null, newestFirst[0].CreatedAt);
        }

        return activeDataKeys;
    }

    /// <summary>Replaces the matched blind-index keys when they changed, moving their <see cref="BlindIndexKeySet.Version"/> on.</summary>
    private void UseIndexKeys(BlindIndexKey newest, BlindIndexKey? previous, DateTimeOffset newestAnnouncedAt)
    {
        lock (indexKeysGate)
        {
            var current = indexKeys;
            if (!current.SameKeysAs(newest, previous))
            {
                indexKeys = new BlindIndexKeySet(newest, previous, newestAnnouncedAt, current.Version + 1);
            }
            else if (current.NewestAnnouncedAt != newestAnnouncedAt)
            {
                // Same keys, so the same lookups: only the moment writes move is corrected.
                indexKeys = current with { NewestAnnouncedAt = newestAnnouncedAt };
            }
        }
    }

    private DataKey? Unwrap(Guid id, PrivacyDataKey row)
    {
        try
        {
            var key = new DataKey(id, protector.Unprotect(Convert.FromBase64String(row.WrappedKey)), row.CreatedAt);
            keys[id] = key;
            unusableKeys.TryRemove(id, out _);
            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"data key {id:N} cannot be unwrapped with this application's Data Protection key ring (it was written by an application with another key ring, or the key ring lost the key)");
            unusableKeys[id] = reason;
            KeyLog.DataKeyUnwrapFailed(logger, ex, id);
            return null;
        }
    }

    private static string DatabaseIdentity(DbContext context) =>
        context.Database.IsRelational()
            ? "relational:" + (context.Database.GetConnectionString() ?? context.Database.GetDbConnection().ConnectionString)
            : "provider:" + context.Database.ProviderName;
}
