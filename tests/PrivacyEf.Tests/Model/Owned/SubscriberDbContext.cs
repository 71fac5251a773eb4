using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Owned;

public class SubscriberDbContext(DbContextOptions<SubscriberDbContext> options) : DbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    // A key of its own for the phones, so SQLite numbers them (it generates values only for a one-column integer key).
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Subscriber>().OwnsMany(s => s.Phones, phones => phones.HasKey("Id"));
}
