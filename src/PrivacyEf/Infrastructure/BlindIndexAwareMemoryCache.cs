using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using PrivacyEf.Encryption;

namespace PrivacyEf.Infrastructure;

/// <summary>
/// EF's memory cache (compiled queries and their SQL), keyed also by the version of the blind-index keys.
/// A lookup with a constant (<c>c.Email == "ada@example.com"</c>) has the constant's blind index written
/// into its SQL once; when a rotation changes the keys, the version moves on and EF compiles such a query
/// again instead of matching under a key that is no longer the only one. Entries of older versions are never
/// read again and leave the cache as it fills. Only query entries are versioned: the model, cached here too,
/// must stay the same object (a compiled query refuses to run against another model).
/// </summary>
internal sealed class BlindIndexAwareMemoryCache(IMemoryCache inner, DataKeyRing keyRing) : IMemoryCache
{
    private static readonly ConcurrentDictionary<Type, bool> QueryKeyTypes = new();

    public bool TryGetValue(object key, out object? value) => inner.TryGetValue(Versioned(key), out value);

    public ICacheEntry CreateEntry(object key) => inner.CreateEntry(Versioned(key));

    public void Remove(object key) => inner.Remove(Versioned(key));

    // The inner cache belongs to whoever created it (EF's service provider, or the application through
    // UseMemoryCache), which disposes it.
    public void Dispose()
    {
    }

    /// <summary>
    /// EF's keys of compiled queries (CompiledQueryCacheKey and the relational and provider variants of it)
    /// and of their SQL (RelationalCommandCache.CommandCacheKey). Matched by name: they are EF's internal
    /// structs, and a provider adds its own (NpgsqlCompiledQueryCacheKey). The rotation tests fail if a new
    /// EF names them otherwise.
    /// </summary>
    private static bool IsQueryKey(Type type) =>
        QueryKeyTypes.GetOrAdd(type, static t =>
            t.IsValueType && (t.Name.EndsWith("CompiledQueryCacheKey", StringComparison.Ordinal) || t.Name == "CommandCacheKey"));

    private object Versioned(object key) => IsQueryKey(key.GetType()) ? new VersionedKey(key, keyRing.BlindIndexVersion) : key;

    private readonly record struct VersionedKey(object Key, long Version);
}
