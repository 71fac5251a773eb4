using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.ShadowLinks;

public class ShadowLinkDbContext(DbContextOptions<ShadowLinkDbContext> options) : DbContext(options)
{
    public DbSet<Guest> Guests => Set<Guest>();

    public DbSet<Stay> Stays => Set<Stay>();
}
