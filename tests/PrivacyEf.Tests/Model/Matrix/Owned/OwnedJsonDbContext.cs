using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Owned;

/// <summary>The addresses as JSON columns of their owners' tables.</summary>
public sealed class OwnedJsonDbContext(DbContextOptions<OwnedJsonDbContext> options) : OwnedAddressDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OwnedAddressDeletedRow>().OwnsOne(r => r.Address, address => address.ToJson());
        modelBuilder.Entity<OwnedAddressAnonymizedRow>().OwnsOne(r => r.Address, address => address.ToJson());
    }
}
