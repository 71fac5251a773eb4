using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>A context without PrivacyEf: plaintext rows and rows encrypted by the hand-written converter.</summary>
public class PlainReadsDb(DbContextOptions<PlainReadsDb> options) : DbContext(options)
{
    public DbSet<PlainRow> PlainRows => Set<PlainRow>();

    public DbSet<ConverterRow> ConverterRows => Set<ConverterRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var converter = new HandWrittenAesGcmConverter();
        modelBuilder.Entity<ConverterRow>(row =>
        {
            row.Property(r => r.Name).HasConversion(converter);
            row.Property(r => r.Email).HasConversion(converter);
            row.Property(r => r.Iban).HasConversion(converter);
        });
    }
}
