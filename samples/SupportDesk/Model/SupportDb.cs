using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Model;

/// <summary>The support desk's database. Nothing privacy-specific here: UsePrivacy does the rest.</summary>
public class SupportDb(DbContextOptions<SupportDb> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
}
