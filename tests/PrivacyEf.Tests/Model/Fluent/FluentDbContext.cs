using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>Declares fluently what <see cref="AnnotatedMember"/> declares with attributes, and a library user's personal columns.</summary>
public class FluentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FluentMember> Members => Set<FluentMember>();

    public DbSet<AnnotatedMember> AnnotatedMembers => Set<AnnotatedMember>();

    public DbSet<AppUser> Users => Set<AppUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<FluentMember>(member =>
        {
            member.HasDataSubject(m => m.Id)
                .HasLegalHold(m => m.OnHold)
                .HasRetention(30, m => m.ClosedAt, RetentionAction.Anonymize);
            member.Property(m => m.Email)
                .IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true, mask: MaskStyle.Email)
                .HasPurposes("support", "billing");
            member.Property(m => m.Phone).IsPersonal(PersonalDataCategory.Contact, encrypt: true, mask: MaskStyle.Last4);
            member.Property(m => m.BirthDate).IsPersonal(PersonalDataCategory.Identity, mask: MaskStyle.YearOnly);
            member.Property(m => m.Notes).IsPersonal(PersonalDataCategory.FreeText, redact: true);
        });

        modelBuilder.Entity<AppUser>(user =>
        {
            user.HasDataSubject(u => u.Id);
            user.Property(u => u.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true);
            user.Property(u => u.NormalizedEmail).IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true);
            user.Property(u => u.UserName).IsPersonal(PersonalDataCategory.Identity, encrypt: true, searchable: true);
            user.Property(u => u.NormalizedUserName).IsPersonal(PersonalDataCategory.Identity, encrypt: true, searchable: true);
            user.Property(u => u.PhoneNumber).IsPersonal(PersonalDataCategory.Contact, encrypt: true, mask: MaskStyle.Last4);
            user.Property(u => u.PasswordHash).IsPersonal(PersonalDataCategory.Credentials, encrypt: true, mask: MaskStyle.Hidden);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
        });
    }
}
