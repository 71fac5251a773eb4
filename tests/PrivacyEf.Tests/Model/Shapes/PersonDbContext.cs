using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Shapes;

public class PersonDbContext(DbContextOptions<PersonDbContext> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<Employee> Employees => Set<Employee>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Person>().UseTptMappingStrategy();
}
