using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>The hand-written encryption as an EF value converter on a string column (issue 2's baseline).</summary>
public sealed class HandWrittenAesGcmConverter()
    : ValueConverter<string, string>(value => HandWrittenAesGcm.Encrypt(value), stored => HandWrittenAesGcm.Decrypt(stored));
