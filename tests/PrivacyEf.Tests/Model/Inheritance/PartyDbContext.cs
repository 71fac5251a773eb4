using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Inheritance;

/// <summary>Parties mapped table-per-hierarchy (the default), table-per-type or table-per-concrete-type.</summary>
public abstract class PartyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Company> Companies => Set<Company>();
}
