using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Shapes;

public class MemberDbContext(DbContextOptions<MemberDbContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Member>().OwnsOne(m => m.Contact);
}
