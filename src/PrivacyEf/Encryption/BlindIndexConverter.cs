using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Encryption;

/// <summary>
/// The converter of a blind-index shadow property. It stores what it is given: PrivacyEf's save interceptor
/// puts the computed index into the property, and lookups compare through
/// <see cref="BlindIndexLookupConverter"/>s, one per matched key. It carries the column's
/// <see cref="BlindIndexer"/> to both.
/// </summary>
internal sealed class BlindIndexConverter(BlindIndexer indexer)
    : ValueConverter<string, string>(value => value, stored => stored)
{
    public BlindIndexer Indexer { get; } = indexer;

    public BlindIndexLookupConverter NewestKeyLookup { get; } = new(indexer, BlindIndexRole.NewestKey);

    public BlindIndexLookupConverter WriteKeyLookup { get; } = new(indexer, BlindIndexRole.WriteKey);

    public BlindIndexLookupConverter PreviousKeyLookup { get; } = new(indexer, BlindIndexRole.PreviousKey);
}
