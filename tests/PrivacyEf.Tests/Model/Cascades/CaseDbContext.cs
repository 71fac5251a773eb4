using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>Members, expiring threads and the rows that reference them, every foreign key with the same delete behavior.</summary>
public abstract class CaseDbContext(DbContextOptions options, DeleteBehavior onDelete) : DbContext(options)
{
    public DbSet<CaseMember> Members => Set<CaseMember>();

    public DbSet<LegalCase> Cases => Set<LegalCase>();

    public DbSet<ArchivedCase> ArchivedCases => Set<ArchivedCase>();

    public DbSet<MemberPreference> Preferences => Set<MemberPreference>();

    public DbSet<ExpiringThread> Threads => Set<ExpiringThread>();

    public DbSet<ThreadNote> ThreadNotes => Set<ThreadNote>();

    public DeleteBehavior OnDelete { get; } = onDelete;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SET NULL needs a nullable column; the others are the usual required reference.
        var required = OnDelete != DeleteBehavior.SetNull;
        modelBuilder.Entity<LegalCase>().HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).IsRequired(required).OnDelete(OnDelete);
        modelBuilder.Entity<ArchivedCase>().HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).IsRequired(required).OnDelete(OnDelete);
        modelBuilder.Entity<MemberPreference>().HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).IsRequired(required).OnDelete(OnDelete);
        modelBuilder.Entity<ThreadNote>().HasOne(n => n.Thread).WithMany().HasForeignKey(n => n.ThreadId).IsRequired(required).OnDelete(OnDelete);
    }
}
