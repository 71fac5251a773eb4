using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access.MaskAttacks;

/// <summary>A second context type over the same entities: EF builds it a model of its own.</summary>
public sealed class OtherAccessDbContext(DbContextOptions<AccessDbContext> options) : AccessDbContext(options);
