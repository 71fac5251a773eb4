using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkKindsDbContext(DbContextOptions<AtkKindsDbContext> options) : DbContext(options)
{
    public DbSet<AtkShopper> Shoppers => Set<AtkShopper>();

    public DbSet<AtkClerk> Clerks => Set<AtkClerk>();

    public DbSet<AtkSale> Sales => Set<AtkSale>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AtkSale>().HasOne<AtkShopper>().WithMany().HasForeignKey(s => s.ShopperId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<AtkSale>().HasOne<AtkClerk>().WithMany().HasForeignKey(s => s.ClerkId).OnDelete(DeleteBehavior.Cascade);
    }
}
