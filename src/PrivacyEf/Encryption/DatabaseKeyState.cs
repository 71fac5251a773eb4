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

    /// <summary>Forgets what was stored: the key table is about to be read again, and only its rows count.</summary>
    public void ForgetStored() => storedKeys.Clear();

    /// <summary>The keys of the table (not retired) that this application's key ring could not unwrap at the last read.</summary>
    public IReadOnlyList<Guid> UnreadableKeys { get; set; } = [];

    /// <summary>The key this application wrote with whose row has vanished from the table; writes wait for it to be back.</summary>
    public Guid? VanishedKey { get; set; }

    /// <summary>Whether a write must read the table again first, whatever the refresh interval says.</summary>
    public bool MustReload => UnreadableKeys.Count > 0 || VanishedKey is not null;
}
