using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>Cardholders, keyed by bytes.</summary>
public class CardholderDbContext(DbContextOptions<CardholderDbContext> options) : DbContext(options)
{
    public DbSet<Cardholder> Cardholders => Set<Cardholder>();
}
