using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkLogDbContext(DbContextOptions<AtkLogDbContext> options) : DbContext(options)
{
    public DbSet<AtkLog> Logs => Set<AtkLog>();

    public DbSet<AtkLogNote> Notes => Set<AtkLogNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AtkLogNote>().HasQueryFilter(n => !n.IsDeleted);
        modelBuilder.Entity<AtkLogNote>().HasOne(n => n.Log).WithMany().HasForeignKey(n => n.LogId).OnDelete(DeleteBehavior.Cascade);
    }
}
