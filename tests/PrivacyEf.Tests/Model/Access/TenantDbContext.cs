using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Access;

/// <summary>A context that cannot be made from its options alone, as some applications have.</summary>
public class TenantDbContext(DbContextOptions<TenantDbContext> options, TenantName tenant) : DbContext(options)
{
    public string Tenant { get; } = tenant.Name;

    public DbSet<Patron> Patrons => Set<Patron>();
}
