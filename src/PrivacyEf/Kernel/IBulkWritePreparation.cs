using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Kernel;

/// <summary>
/// Makes a context ready for set-based writes (<c>ExecuteUpdate</c>) that bypass <c>SaveChanges</c>, such as the
/// purge's anonymization: encrypting converters need the active data key, which the write pipeline otherwise
/// prepares. Registered by the composition root; implemented by the encryption capability.
/// </summary>
internal interface IBulkWritePreparation
{
    Task PrepareAsync(DbContext context, CancellationToken cancellationToken);
}
