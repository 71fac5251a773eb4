using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyEf.Encryption;

/// <summary>
/// EF's memory cache (compiled queries and their SQL), keyed also by the version of the blind-index keys.
/// <list type="bullet">
/// <item>A lookup with a constant (<c>c.Email == "ada@example.com"</c>) has the constant's blind index
/// written into its SQL once; when a rotation changes the keys, the version moves on and EF writes the SQL
/// again instead of matching under keys that are no longer the ones in use.</item>
/// <item>Outside a rotation a lookup compares with one index, during one with two (see
/// <see cref="BlindIndexRewriteStage"/>); the version makes EF compile the query again when that changes.</item>
/// </list>
/// Entries of older versions are never read again and leave the cache as it fills. Only query entries are
/// versioned: the model, cached here too, must stay the same object (a compiled query refuses to run
/// against another model).
/// </summary>
internal sealed class BlindIndexAwareMemoryCache(IMemoryCache inner, DataKeyRing keyRing) : IMemoryCache
{
    private static readonly ConcurrentDictionary<Type, QueryKeyKind> KeyKinds = new();

    // EF looks a query up and, on a miss, compiles and stores it on the same thread. The version of the miss
    // travels here to the compilation (which may only drop the second comparison if that version has no
    // rotation) and to the store (which files the query under that version, never a later one).
    [ThreadStatic]
    private static PendingCompilation? pending;

    // Likewise for the SQL of a query: written on the thread that missed it, with the indexes of its constants
    // under the keys of that moment or later, and filed under the version of the miss, never a later one.
    [ThreadStatic]
    private static PendingCompilation? pendingSql;

    private enum QueryKeyKind
    {
        None,
        CompiledQuery,
        Command,
    }

    /// <summary>
    /// The blind-index keys the query being compiled on this thread will be cached for, or null when it is not
    /// cached by version (a query compiled with <c>EF.CompileQuery</c> keeps its shape for good). Taken once:
    /// a compilation that fails leaves nothing a later <c>EF.CompileQuery</c> on this thread could mistake for its own.
    /// </summary>
    public static BlindIndexKeySet? TakeKeysOfPendingCompilation(DataKeyRing ring)
    {
        if (pending is not { Taken: false } compilation || !ReferenceEquals(compilation.Ring, ring))
        {
            return null;
        }

        pending = compilation with { Taken = true };
        return compilation.Keys;
    }

    public bool TryGetValue(object key, out object? value)
    {
        var kind = KindOf(key);
        if (kind == QueryKeyKind.None)
        {
            return inner.TryGetValue(key, out value);
        }

        var keys = keyRing.BlindIndexKeysForCache;
        var found = inner.TryGetValue(new VersionedKey(key, keys.Version), out value);
        var miss = found ? null : new PendingCompilation(key, keys, keyRing, Taken: false);
        if (kind == QueryKeyKind.CompiledQuery)
        {
            pending = miss;
        }
        else
        {
            pendingSql = miss;
        }

        return found;
    }

    public ICacheEntry CreateEntry(object key)
    {
        var kind = KindOf(key);
        if (kind == QueryKeyKind.None)
        {
            return inner.CreateEntry(key);
        }

        var version = keyRing.BlindIndexKeysForCache.Version;
        var miss = kind == QueryKeyKind.CompiledQuery ? pending : pendingSql;
        if (miss is not null && ReferenceEquals(miss.Ring, keyRing) && miss.Key.Equals(key))
        {
            version = Math.Min(version, miss.Keys.Version);
            if (kind == QueryKeyKind.CompiledQuery)
            {
                pending = null;
            }
            else
            {
                pendingSql = null;
            }
        }

        return inner.CreateEntry(new VersionedKey(key, version));
    }

    public void Remove(object key) => inner.Remove(KindOf(key) == QueryKeyKind.None ? key : new VersionedKey(key, keyRing.BlindIndexKeysForCache.Version));

    // The inner cache belongs to whoever created it (EF's service provider, or the application through
    // UseMemoryCache), which disposes it.
    public void Dispose()
    {
    }

    /// <summary>
    /// EF's keys of compiled queries (CompiledQueryCacheKey and the relational and provider variants of it,
    /// such as NpgsqlCompiledQueryCacheKey) and of their SQL (RelationalCommandCache.CommandCacheKey). Matched
    /// by name: they are EF's internal structs. The rotation tests fail if a new EF names them otherwise.
    /// </summary>
    private static QueryKeyKind KindOf(object key) =>
        KeyKinds.GetOrAdd(key.GetType(), static type => type switch
        {
            { IsValueType: true, Name: var name } when name.EndsWith("CompiledQueryCacheKey", StringComparison.Ordinal) => QueryKeyKind.CompiledQuery,
            { IsValueType: true, Name: "CommandCacheKey" } => QueryKeyKind.Command,
            _ => QueryKeyKind.None,
        });

    private readonly record struct VersionedKey(object Key, long Version);

    private sealed record PendingCompilation(object Key, BlindIndexKeySet Keys, DataKeyRing Ring, bool Taken);
}
