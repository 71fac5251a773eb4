using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>Maps the classes <see cref="FluentDbContext"/> configures, without its declarations: nothing here is personal.</summary>
public class PlainDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FluentMember> Members => Set<FluentMember>();

    public DbSet<AppUser> Users => Set<AppUser>();
}
