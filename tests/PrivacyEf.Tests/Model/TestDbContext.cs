using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model;

// No OnModelCreating: PrivacyEf configures the model through UsePrivacy alone.
public class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();
}
