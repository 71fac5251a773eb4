using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

public sealed class TphDbContext(DbContextOptions<TphDbContext> options) : InheritanceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<InheritedRow>().UseTphMappingStrategy();
}
