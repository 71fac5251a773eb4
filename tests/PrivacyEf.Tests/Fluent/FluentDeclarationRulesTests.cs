using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using PrivacyEf.Tests.Model;
using PrivacyEf.Tests.Model.Fluent;

namespace PrivacyEf.Tests.Fluent;

/// <summary>
/// What a fluent declaration may say: where an attribute speaks, only the same or stronger; where none does, only what
/// could be enforced (the generator's checks, made when the model is built). Every refusal names entity and property.
/// </summary>
public sealed class FluentDeclarationRulesTests
{
    [Fact]
    public void Repeating_an_attribute_changes_nothing()
    {
        var model = FluentModels.Build(b => b.Entity<Customer>().Property(c => c.Email)
            .IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true, mask: MaskStyle.Email)
            .HasPurposes("support", "billing"));
        var email = Metadata<Customer>(model).FindProperty(nameof(Customer.Email))!;
        Assert.Equal((PersonalDataCategory.Contact, true, true, MaskStyle.Email), (email.Category, email.Encrypt, email.Searchable, email.Mask));
        Assert.Equal(["support", "billing"], email.Purposes);
    }

    [Fact]
    public void A_declaration_may_strengthen_an_attribute()
    {
        var model = FluentModels.Build(b =>
        {
            b.Entity<Customer>().Property(c => c.PreferredLanguage).IsPersonal(PersonalDataCategory.Demographic, encrypt: true, mask: MaskStyle.Hidden);
            b.Entity<Customer>().Property(c => c.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true).HasPurposes("billing");
        });
        var metadata = Metadata<Customer>(model);
        var language = metadata.FindProperty(nameof(Customer.PreferredLanguage))!;
        Assert.Equal((true, MaskStyle.Hidden), (language.Encrypt, language.Mask));
        Assert.Equal(["billing"], metadata.FindProperty(nameof(Customer.Email))!.Purposes);
        Assert.Equal(MaskStyle.Email, metadata.FindProperty(nameof(Customer.Email))!.Mask);
        Assert.NotNull(model.FindEntityType(typeof(Customer))!.FindProperty(nameof(Customer.PreferredLanguage))!.GetValueConverter());
    }

    [Theory]
    [InlineData("encryption off", "Customer.Email", "encryption")]
    [InlineData("another category", "Customer.Email", "category")]
    [InlineData("searchable off", "Customer.Email", "Searchable")]
    [InlineData("another mask", "Customer.Email", "mask")]
    [InlineData("wider purposes", "Customer.Email", "marketing")]
    [InlineData("another data subject", "Customer", "data subject")]
    public void A_declaration_that_would_weaken_an_attribute_is_refused(string change, string where, string why)
    {
        var message = FluentModels.Refusal(change switch
        {
            "encryption off" => b => b.Entity<Customer>().Property(c => c.Email).IsPersonal(PersonalDataCategory.Contact, searchable: false),
            "another category" => b => b.Entity<Customer>().Property(c => c.Email).IsPersonal(PersonalDataCategory.Online, encrypt: true, searchable: true),
            "searchable off" => b => b.Entity<Customer>().Property(c => c.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true),
            "another mask" => b => b.Entity<Customer>().Property(c => c.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true, mask: MaskStyle.Initials),
            "wider purposes" => b => b.Entity<Customer>().Property(c => c.Email).HasPurposes("support", "marketing"),
            _ => b => b.Entity<Customer>().HasDataSubject(c => c.Segment),
        });
        Assert.Contains(where, message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("encrypt an int", "FluentMember.Id", "cannot be encrypted")]
    [InlineData("encrypt a date", "FluentMember.BirthDate", "cannot be encrypted")]
    [InlineData("searchable without encrypt", "FluentMember.Email", "not encrypted")]
    [InlineData("redact a date", "FluentMember.BirthDate", "cannot be redacted")]
    [InlineData("e-mail mask on a date", "FluentMember.BirthDate", "MaskStyle.Email")]
    [InlineData("encrypt the data subject", "FluentMember.Email", "cannot be encrypted")]
    [InlineData("purposes on a plain property", "FluentMember.Tier", "not personal")]
    [InlineData("a shadow property", "FluentMember.Secret", "shadow")]
    [InlineData("a subject that is not mapped", "FluentMember.Nobody", "HasDataSubject")]
    [InlineData("a hold that is not a bool", "FluentMember.Tier", "bool")]
    [InlineData("retention from text", "FluentMember.Tier", "DateTime")]
    [InlineData("a kind that is no subject", "FluentMember.Id", "no data subject")]
    public void A_declaration_nothing_could_enforce_is_refused(string declaration, string where, string why)
    {
        var message = FluentModels.Refusal(b => b.Entity<FluentMember>(member =>
        {
            switch (declaration)
            {
                case "encrypt an int": member.Property(m => m.Id).IsPersonal(PersonalDataCategory.Identity, encrypt: true); break;
                case "encrypt a date": member.Property(m => m.BirthDate).IsPersonal(PersonalDataCategory.Identity, encrypt: true); break;
                case "searchable without encrypt": member.Property(m => m.Email).IsPersonal(PersonalDataCategory.Contact, searchable: true); break;
                case "redact a date": member.Property(m => m.BirthDate).IsPersonal(PersonalDataCategory.Identity, redact: true); break;
                case "e-mail mask on a date": member.Property(m => m.BirthDate).IsPersonal(PersonalDataCategory.Identity, mask: MaskStyle.Email); break;
                case "encrypt the data subject": member.HasDataSubject(m => m.Email).Property(m => m.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true); break;
                case "purposes on a plain property": member.Property(m => m.Tier).HasPurposes("support"); break;
                case "a shadow property": member.Property<string>("Secret").IsPersonal(PersonalDataCategory.Credentials, encrypt: true); break;
                case "a subject that is not mapped": member.HasDataSubject("Nobody"); break;
                case "a hold that is not a bool": member.HasLegalHold("Tier"); break;
                case "retention from text": member.HasRetention(30, m => m.Tier); break;
                default: member.HasDataSubject(m => m.Id, kind: typeof(AppUser)); break;
            }
        }));
        Assert.Contains(where, message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_cannot_be_encrypted()
    {
        var message = FluentModels.Refusal(b => b.Entity<AppUser>().Property(u => u.Id).IsPersonal(PersonalDataCategory.Identity, encrypt: true));
        Assert.Contains("AppUser.Id", message, StringComparison.Ordinal);
        Assert.Contains("a key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owned_type_is_declared_through_its_owner_and_every_use_of_its_class_alike()
    {
        var model = FluentModels.Build(b => b.Entity<FluentOrder>(order =>
        {
            order.OwnsOne(o => o.Billing, a => a.Property(x => x.Street).IsPersonal(PersonalDataCategory.Location, encrypt: true));
            order.OwnsOne(o => o.Shipping, a => a.Property(x => x.Street).IsPersonal(PersonalDataCategory.Location, encrypt: true));
        }));
        var owned = model.GetEntityTypes().Where(e => e.ClrType == typeof(PostalAddress)).ToList();
        Assert.Equal(2, owned.Count);
        Assert.All(owned, e => Assert.NotNull(e.FindProperty(nameof(PostalAddress.Street))!.GetValueConverter()));

        // A query sees the class, not which owner it came through: two answers for one class would be a guess.
        var message = FluentModels.Refusal(b => b.Entity<FluentOrder>(order =>
        {
            order.OwnsOne(o => o.Billing, a => a.Property(x => x.Street).IsPersonal(PersonalDataCategory.Location, encrypt: true));
            order.OwnsOne(o => o.Shipping);
        }));
        Assert.Contains("PostalAddress", message, StringComparison.Ordinal);
        Assert.Contains("configured differently", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_migration_snapshot_finds_no_declaration_to_write_and_both_models_keep_the_metadata()
    {
        static void Configure(ModelBuilder b) => b.Entity<FluentMember>(member =>
        {
            member.HasDataSubject(m => m.Id).HasLegalHold(m => m.OnHold).HasPurposes("support");
            member.Property(m => m.Email).IsPersonal(PersonalDataCategory.Contact, encrypt: true, searchable: true).HasPurposes("support");
        });

        // A snapshot writes every annotation it does not know as HasAnnotation(name, value), and cannot write these values.
        var designTime = FluentModels.BuildDesignTime(Configure);
        var annotated = designTime.GetEntityTypes()
            .SelectMany(e => e.GetAnnotations().Concat(e.GetProperties().SelectMany(p => p.GetAnnotations())))
            .Where(a => a.Name.StartsWith("PrivacyEf:", StringComparison.Ordinal));
        Assert.Empty(annotated);

        foreach (var model in new[] { designTime, FluentModels.Build(Configure) })
        {
            var metadata = Metadata<FluentMember>(model);
            Assert.Equal(("Id", "OnHold"), (metadata.DataSubjectProperty, metadata.LegalHoldProperty));
            Assert.True(metadata.FindProperty(nameof(FluentMember.Email))!.Searchable);
        }
    }

    private static PrivacyEntityMetadata Metadata<T>(IModel model) => PrivacyMetadata.Of(model.FindEntityType(typeof(T))!)!;
}
