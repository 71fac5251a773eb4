using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Encryption;

/// <summary>
/// The converter of a blind-index shadow property. The property holds the plaintext while an entity is
/// saved, and EF gives a lookup's parameter the same converter because it is compared with this column,
/// so writes and lookups compute the same index. Reads return the stored index unchanged.
/// </summary>
internal sealed class BlindIndexConverter(BlindIndexer indexer)
    : ValueConverter<string, string>(value => indexer.Compute(value), stored => stored)
{
    public BlindIndexer Indexer { get; } = indexer;
}
