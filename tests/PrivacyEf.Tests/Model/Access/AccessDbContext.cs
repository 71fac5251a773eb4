using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Access;

public class AccessDbContext(DbContextOptions<AccessDbContext> options) : DbContext(options)
{
    public DbSet<Patron> Patrons => Set<Patron>();

    public DbSet<PatronOrder> Orders => Set<PatronOrder>();

    public DbSet<Device> Devices => Set<Device>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // A filter to show that switching it off never discloses anything.
        modelBuilder.Entity<Patron>().HasQueryFilter(p => !p.Archived);
    }
}
