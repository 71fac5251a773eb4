using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Shapes;

public class ParcelDbContext(DbContextOptions<ParcelDbContext> options) : DbContext(options)
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Parcel>().ComplexProperty(p => p.Destination);
}
