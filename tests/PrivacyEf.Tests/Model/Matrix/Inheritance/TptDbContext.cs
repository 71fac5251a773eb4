using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

public sealed class TptDbContext(DbContextOptions<TptDbContext> options) : InheritanceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<InheritedRow>().UseTptMappingStrategy();
}
