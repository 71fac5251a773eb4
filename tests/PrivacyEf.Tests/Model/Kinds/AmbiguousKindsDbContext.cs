using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Model.Kinds.Unnamed;

namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>Two kinds and a memo that links to neither in particular.</summary>
public class AmbiguousKindsDbContext(DbContextOptions<AmbiguousKindsDbContext> options) : DbContext(options)
{
    public DbSet<Shopper> Shoppers => Set<Shopper>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Memo> Memos => Set<Memo>();
}
