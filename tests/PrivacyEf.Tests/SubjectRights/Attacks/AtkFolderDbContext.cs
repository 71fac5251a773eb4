using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkFolderDbContext(DbContextOptions<AtkFolderDbContext> options) : DbContext(options)
{
    public DbSet<AtkOwner> Owners => Set<AtkOwner>();

    public DbSet<AtkFolder> Folders => Set<AtkFolder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AtkFolder>().HasOne<AtkOwner>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<AtkFolder>().HasOne(f => f.Parent).WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}
