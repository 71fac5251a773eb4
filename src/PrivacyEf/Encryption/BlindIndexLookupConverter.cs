using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Encryption;

/// <summary>
/// Turns the value a lookup compares with into its blind index under one of the matched keys. EF gives a
/// parameter the converter of what it is compared with, so a captured variable is indexed at every
/// execution, under the keys of that moment; a constant is indexed when EF writes the SQL, which
/// <see cref="BlindIndexAwareMemoryCache"/> redoes when the keys change.
/// </summary>
internal sealed class BlindIndexLookupConverter(BlindIndexer indexer, BlindIndexRole role)
    : ValueConverter<string, string>(value => indexer.ComputeForLookup(role, value), stored => stored);
