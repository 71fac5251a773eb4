using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Access;

public class AccessBenchDb(DbContextOptions<AccessBenchDb> options) : DbContext(options)
{
    public DbSet<AccessBenchCustomer> Customers => Set<AccessBenchCustomer>();
}
