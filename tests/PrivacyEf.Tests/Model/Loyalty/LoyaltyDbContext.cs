using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>Two table-per-hierarchy hierarchies linked by foreign keys that restrict deletes, so a wrong order fails.</summary>
public class LoyaltyDbContext(DbContextOptions<LoyaltyDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<GoldCard> GoldCards => Set<GoldCard>();

    public DbSet<Perk> Perks => Set<Perk>();

    public DbSet<LoungePass> LoungePasses => Set<LoungePass>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Perk>().HasOne(p => p.GoldCard).WithMany().HasForeignKey(p => p.GoldCardId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<LoungePass>().HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
