using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

/// <summary>The matrix hierarchy; each derived context maps it with one strategy.</summary>
public abstract class InheritanceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InheritedRow> Rows => Set<InheritedRow>();

    public DbSet<InheritedDeletedRow> DeletedRows => Set<InheritedDeletedRow>();

    public DbSet<InheritedAnonymizedRow> AnonymizedRows => Set<InheritedAnonymizedRow>();
}
