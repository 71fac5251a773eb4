using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Encryption;

public class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    public DbSet<BenchCustomer> Customers => Set<BenchCustomer>();

    public DbSet<PlainCustomer> PlainCustomers => Set<PlainCustomer>();
}
