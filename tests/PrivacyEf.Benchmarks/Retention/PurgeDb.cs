using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Retention;

public class PurgeDb(DbContextOptions<PurgeDb> options) : DbContext(options)
{
    public DbSet<PurgeSession> Sessions => Set<PurgeSession>();

    public DbSet<PurgeTicket> Tickets => Set<PurgeTicket>();
}
