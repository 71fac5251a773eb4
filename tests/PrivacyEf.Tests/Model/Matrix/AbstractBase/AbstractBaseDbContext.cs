using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.AbstractBase;

public class AbstractBaseDbContext(DbContextOptions<AbstractBaseDbContext> options) : DbContext(options)
{
    public DbSet<AbstractBaseDeletedRow> DeletedRows => Set<AbstractBaseDeletedRow>();

    public DbSet<AbstractBaseAnonymizedRow> AnonymizedRows => Set<AbstractBaseAnonymizedRow>();
}
