using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class AtkAltKeyDbContext(DbContextOptions<AtkAltKeyDbContext> options) : DbContext(options)
{
    public DbSet<AtkUser> Users => Set<AtkUser>();

    public DbSet<AtkTicket> Tickets => Set<AtkTicket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AtkTicket>().HasOne<AtkUser>().WithMany().HasForeignKey(t => t.UserEmail).HasPrincipalKey(u => u.Email).OnDelete(DeleteBehavior.Cascade);
}
