using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Access;

public class VisitorDbContext(DbContextOptions<VisitorDbContext> options) : DbContext(options)
{
    public DbSet<Visitor> Visitors => Set<Visitor>();
}
