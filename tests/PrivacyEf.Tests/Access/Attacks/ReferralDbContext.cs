using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>Members who refer each other: one kind of data subject, with navigations from one person's row to another's.</summary>
public class ReferralDbContext(DbContextOptions<ReferralDbContext> options) : DbContext(options)
{
    public DbSet<ReferredMember> Members => Set<ReferredMember>();
}
