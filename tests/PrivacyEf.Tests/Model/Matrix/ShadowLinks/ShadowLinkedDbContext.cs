using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.ShadowLinks;

public class ShadowLinkedDbContext(DbContextOptions<ShadowLinkedDbContext> options) : DbContext(options)
{
    public DbSet<MatrixCustomer> Customers => Set<MatrixCustomer>();

    public DbSet<ShadowLinkedDeletedRow> DeletedRows => Set<ShadowLinkedDeletedRow>();

    public DbSet<ShadowLinkedAnonymizedRow> AnonymizedRows => Set<ShadowLinkedAnonymizedRow>();
}
