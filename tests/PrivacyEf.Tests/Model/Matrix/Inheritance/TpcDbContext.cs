using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

public sealed class TpcDbContext(DbContextOptions<TpcDbContext> options) : InheritanceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<InheritedRow>().UseTpcMappingStrategy();
}
