using System.Collections.Concurrent;

namespace PrivacyEf.Encryption;

/// <summary>What one application knows about the key table of one database.</summary>
internal sealed class DatabaseKeyState
{
    private readonly ConcurrentDictionary<Guid, bool> storedKeys = new();

    public bool IsLoaded { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public bool Holds(Guid keyId) => storedKeys.ContainsKey(keyId);

    public void MarkStored(Guid keyId) => storedKeys.TryAdd(keyId, true);
}
