using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>A context with PrivacyEf: annotated plaintext rows and rows PrivacyEf encrypts.</summary>
public class PrivateReadsDb(DbContextOptions<PrivateReadsDb> options) : DbContext(options)
{
    public DbSet<AnnotatedRow> AnnotatedRows => Set<AnnotatedRow>();

    public DbSet<EncryptedRow> EncryptedRows => Set<EncryptedRow>();
}
