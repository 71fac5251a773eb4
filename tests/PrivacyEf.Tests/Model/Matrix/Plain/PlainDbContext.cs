using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Plain;

public class PlainDbContext(DbContextOptions<PlainDbContext> options) : DbContext(options)
{
    public DbSet<PlainDeletedRow> DeletedRows => Set<PlainDeletedRow>();

    public DbSet<PlainAnonymizedRow> AnonymizedRows => Set<PlainAnonymizedRow>();
}
