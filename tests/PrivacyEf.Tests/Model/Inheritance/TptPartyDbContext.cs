using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Inheritance;

public sealed class TptPartyDbContext(DbContextOptions<TptPartyDbContext> options) : PartyDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Party>().UseTptMappingStrategy();
}
