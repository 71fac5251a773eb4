using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Model;

/// <summary>The support desk's database. Nothing privacy-specific here: UsePrivacy does the rest.</summary>
public class SupportDb : DbContext
{
    public SupportDb(DbContextOptions<SupportDb> options)
        : base(options)
    {
    }

    /// <summary>For provider-specific subclasses, which carry their own migrations.</summary>
    protected SupportDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
}
