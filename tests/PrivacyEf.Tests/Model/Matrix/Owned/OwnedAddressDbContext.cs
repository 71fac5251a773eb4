using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Owned;

/// <summary>Rows owning one address each; each derived context stores the address its own way.</summary>
public abstract class OwnedAddressDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OwnedAddressDeletedRow> DeletedRows => Set<OwnedAddressDeletedRow>();

    public DbSet<OwnedAddressAnonymizedRow> AnonymizedRows => Set<OwnedAddressAnonymizedRow>();
}
