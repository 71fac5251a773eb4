using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Access;

/// <summary>A model holding <see cref="MaskSample"/> only; the mask tests read its model and never open a database.</summary>
public class MaskSampleDbContext(DbContextOptions<MaskSampleDbContext> options) : DbContext(options)
{
    public DbSet<MaskSample> Samples => Set<MaskSample>();
}
