using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Owned;

public class OwnedCollectionDbContext(DbContextOptions<OwnedCollectionDbContext> options) : DbContext(options)
{
    public DbSet<OwnedCollectionDeletedRow> DeletedRows => Set<OwnedCollectionDeletedRow>();

    public DbSet<OwnedCollectionAnonymizedRow> AnonymizedRows => Set<OwnedCollectionAnonymizedRow>();

    // A key of its own for the addresses, so SQLite numbers them (it generates values only for a one-column integer key).
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OwnedCollectionDeletedRow>().OwnsMany(r => r.Addresses, addresses => addresses.HasKey("Id"));
        modelBuilder.Entity<OwnedCollectionAnonymizedRow>().OwnsMany(r => r.Addresses, addresses => addresses.HasKey("Id"));
    }
}
