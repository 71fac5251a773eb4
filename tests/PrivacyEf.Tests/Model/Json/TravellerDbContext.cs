using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Json;

public class TravellerDbContext(DbContextOptions<TravellerDbContext> options) : DbContext(options)
{
    public DbSet<Traveller> Travellers => Set<Traveller>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Traveller>().OwnsOne(t => t.Passport, passport => passport.ToJson());
}
