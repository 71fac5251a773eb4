using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkTptDbContext(DbContextOptions<AtkTptDbContext> options) : DbContext(options)
{
    public DbSet<AtkVehicle> Vehicles => Set<AtkVehicle>();

    public DbSet<AtkPermit> Permits => Set<AtkPermit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AtkVehicle>().UseTptMappingStrategy();
        modelBuilder.Entity<AtkTruck>();
        modelBuilder.Entity<AtkPermit>().HasOne(p => p.Truck).WithMany().HasForeignKey(p => p.TruckId).OnDelete(DeleteBehavior.Cascade);
    }
}
