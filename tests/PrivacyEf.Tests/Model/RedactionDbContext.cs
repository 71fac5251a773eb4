using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model;

public class RedactionDbContext(DbContextOptions<RedactionDbContext> options) : DbContext(options)
{
    public DbSet<SupportMessage> Messages => Set<SupportMessage>();
}
