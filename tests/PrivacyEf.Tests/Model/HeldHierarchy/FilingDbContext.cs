using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.HeldHierarchy;

public class FilingDbContext(DbContextOptions<FilingDbContext> options) : DbContext(options)
{
    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<DisputedFiling> DisputedFilings => Set<DisputedFiling>();

    public DbSet<RoutineFiling> RoutineFilings => Set<RoutineFiling>();
}
