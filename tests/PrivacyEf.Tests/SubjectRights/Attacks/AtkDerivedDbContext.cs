using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkDerivedDbContext(DbContextOptions<AtkDerivedDbContext> options) : DbContext(options)
{
    public DbSet<AtkMember> Members => Set<AtkMember>();

    public DbSet<AtkDoc> Docs => Set<AtkDoc>();

    public DbSet<AtkAttachment> Attachments => Set<AtkAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AtkDoc>().HasOne(d => d.Member).WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<AtkAttachment>().HasOne(a => a.Doc).WithMany().HasForeignKey(a => a.DocId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<AtkHeldAttachment>();
        modelBuilder.Entity<AtkSignedAttachment>().HasOne<AtkMember>().WithMany().HasForeignKey(a => a.SignerId).OnDelete(DeleteBehavior.Restrict);
    }
}
