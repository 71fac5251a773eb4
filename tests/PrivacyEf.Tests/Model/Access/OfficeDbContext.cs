using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Access;

/// <summary>
/// Another context that cannot be made from its options alone, so every access log write for it fails: the durability
/// tests count its lost entries apart from those of other tests running at the same time.
/// </summary>
public class OfficeDbContext(DbContextOptions<OfficeDbContext> options, TenantName office) : DbContext(options)
{
    public string Office { get; } = office.Name;

    public DbSet<Patron> Patrons => Set<Patron>();
}
