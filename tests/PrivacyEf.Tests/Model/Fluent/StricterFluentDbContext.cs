using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>The table of <see cref="FluentDbContext"/>'s members, with the e-mail declared a credential: shown to nobody it is not granted to.</summary>
public sealed class StricterFluentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FluentMember> Members => Set<FluentMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<FluentMember>(member =>
        {
            member.HasDataSubject(m => m.Id);
            member.Property(m => m.Email).IsPersonal(PersonalDataCategory.Credentials, encrypt: true, searchable: true, mask: MaskStyle.Hidden);
        });
    }
}
