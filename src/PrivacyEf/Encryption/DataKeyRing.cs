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
using PrivacyEf.Diagnostics;

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
    private const string ProtectorPurpose = "PrivacyEf.DataKeys.v1";
    private static readonly TimeSpan MissingKeyRetryInterval = TimeSpan.FromSeconds(5);

    private readonly IDataProtector protector;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<Guid, DataKey> keys = new();
    private readonly ConcurrentDictionary<Guid, string> unusableKeys = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> missingKeys = new();
    private readonly ConcurrentDictionary<string, DatabaseKeyState> databases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyTableSource> sources = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, PrivacyDataKey> pendingKeyRows = [];
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Lock missGate = new();
    private volatile DataKey? activeKey;

    public DataKeyRing(IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILogger logger)
    {
        protector = dataProtection.CreateProtector(ProtectorPurpose);
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>The key new values are encrypted with; established by the first save that encrypts.</summary>
    public DataKey ActiveKey => activeKey
        ?? throw new InvalidOperationException("no data key is active yet; PrivacyEf loads or creates it in SaveChanges, so encrypted values can only be written through SaveChanges");

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
            sources.TryAdd(identity, new KeyTableSource(factory, context.Database.GetConnectionString() ?? connection.ConnectionString, commands.SelectSql));
        }
    }

    /// <summary>
    /// Makes sure a key is active and that the context's database holds its wrapped copy; when it does not,
    /// the copy is added to the context so it is saved in the same transaction as the values that use it.
    /// </summary>
    public async Task PrepareForWriteAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        RegisterSource(context);
        var state = databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState());
        var current = activeKey;
        if (current is not null && state.IsLoaded && (state.Holds(current.Id) || IsPendingIn(context, current.Id)))
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
            if (!state.IsLoaded)
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

                Absorb(rows, state, adoptActive: true);
                state.IsLoaded = true;
            }

            current = activeKey;
            if (current is null)
            {
                current = DataKey.Create(timeProvider.GetUtcNow());
                keys[current.Id] = current;
                activeKey = current;
                PrivacyLog.DataKeyCreated(logger, current.Id);
            }

            if (!state.Holds(current.Id) && !IsPendingIn(context, current.Id))
            {
                await StoreKeyRowAsync(context, state, current, async, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    private async Task StoreKeyRowAsync(DbContext context, DatabaseKeyState state, DataKey key, bool async, CancellationToken cancellationToken)
    {
        var row = new PrivacyDataKey
        {
            Id = key.Id.ToString("N"),
            WrappedKey = Convert.ToBase64String(protector.Protect(key.Material.ToArray())),
            CreatedAt = key.CreatedAt,
            Status = DataKeyStatus.Active,
        };

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

            return;
        }

        // Providers without an "insert if absent" statement get the row through the change tracker, in
        // the same SaveChanges as the values that use it.
        context.Add(row);
        pendingKeyRows.AddOrUpdate(context, row);
    }

    /// <summary>Records that the context's database now holds the key row added by <see cref="PrepareForWriteAsync"/>.</summary>
    public void CompleteWrite(DbContext context)
    {
        if (pendingKeyRows.TryGetValue(context, out var row) && context.Entry(row).State == EntityState.Unchanged)
        {
            databases.GetOrAdd(DatabaseIdentity(context), _ => new DatabaseKeyState()).MarkStored(Guid.ParseExact(row.Id, "N"));
            pendingKeyRows.Remove(context);
        }
    }

    private bool IsPendingIn(DbContext context, Guid keyId) =>
        pendingKeyRows.TryGetValue(context, out var row)
        && string.Equals(row.Id, keyId.ToString("N"), StringComparison.Ordinal)
        && context.Entry(row).State == EntityState.Added;

    private void ReloadFromSources()
    {
        foreach (var (identity, source) in sources)
        {
            try
            {
                var state = databases.GetOrAdd(identity, _ => new DatabaseKeyState());
                Absorb(source.ReadAll(), state, adoptActive: false);
            }
            catch (System.Data.Common.DbException ex)
            {
                PrivacyLog.KeyTableUnreadable(logger, ex);
            }
        }
    }

    private void Absorb(IEnumerable<PrivacyDataKey> rows, DatabaseKeyState state, bool adoptActive)
    {
        DataKey? newestActive = null;
        foreach (var row in rows)
        {
            if (!Guid.TryParseExact(row.Id, "N", out var id))
            {
                PrivacyLog.MalformedKeyRow(logger, row.Id);
                continue;
            }

            state.MarkStored(id);
            if (!keys.TryGetValue(id, out var key) && !unusableKeys.ContainsKey(id))
            {
                key = Unwrap(id, row);
            }

            if (key is not null && row.Status == DataKeyStatus.Active && (newestActive is null || key.CreatedAt > newestActive.CreatedAt))
            {
                newestActive = key;
            }
        }

        if (adoptActive && activeKey is null && newestActive is not null)
        {
            activeKey = newestActive;
        }
    }

    private DataKey? Unwrap(Guid id, PrivacyDataKey row)
    {
        try
        {
            var key = new DataKey(id, protector.Unprotect(Convert.FromBase64String(row.WrappedKey)), row.CreatedAt);
            keys[id] = key;
            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"data key {id:N} cannot be unwrapped with this application's Data Protection key ring (it was written by an application with another key ring, or the key ring lost the key)");
            unusableKeys[id] = reason;
            PrivacyLog.DataKeyUnwrapFailed(logger, ex, id);
            return null;
        }
    }

    private static string DatabaseIdentity(DbContext context) =>
        context.Database.IsRelational()
            ? "relational:" + (context.Database.GetConnectionString() ?? context.Database.GetDbConnection().ConnectionString)
            : "provider:" + context.Database.ProviderName;

    public void Dispose() => writeGate.Dispose();
}
