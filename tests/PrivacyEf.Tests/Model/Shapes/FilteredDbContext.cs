using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Shapes;

/// <summary>The test customers behind a global query filter (archived ones hidden), as a soft-delete filter would.</summary>
public class FilteredDbContext(DbContextOptions<FilteredDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Customer>().HasQueryFilter(c => c.Segment != "archived");
}
