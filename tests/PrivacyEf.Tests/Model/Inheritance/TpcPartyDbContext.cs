using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Inheritance;

public sealed class TpcPartyDbContext(DbContextOptions<TpcPartyDbContext> options) : PartyDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Party>().UseTpcMappingStrategy();
}
