using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Owned;

public class RouteDbContext(DbContextOptions<RouteDbContext> options) : DbContext(options)
{
    public DbSet<Route> Routes => Set<Route>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Route>().OwnsMany(r => r.Stops, stops => stops.HasKey("Id"));
}
