using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Inheritance;

public sealed class TphPartyDbContext(DbContextOptions<TphPartyDbContext> options) : PartyDbContext(options);
