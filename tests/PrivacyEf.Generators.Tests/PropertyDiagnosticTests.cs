using System.Globalization;
using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

/// <summary>PRIV012 to PRIV015: what a [Personal] property's type, key role or mask rules out; and what they let through.</summary>
public sealed class PropertyDiagnosticTests
{
    private const string Related = """

            public class Order
            {
                public int Id { get; set; }
            }

            public class Address
            {
                [Personal(PersonalDataCategory.Location)]
                public string Street { get; set; } = "";
            }
        }
        """;

    [Theory]
    [InlineData("Address", "Shop.Address")]
    [InlineData("Address?", "Shop.Address")]
    [InlineData("List<Order>", "Shop.Order")]
    [InlineData("ICollection<Order>", "Shop.Order")]
    [InlineData("IEnumerable<Order>?", "Shop.Order")]
    [InlineData("Order[]", "Shop.Order")]
    public void PRIV012_Personal_on_a_navigation(string type, string target)
    {
        var diagnostic = AssertSingleDiagnostic(
            "PRIV012",
            $$"""
            namespace Shop
            {
                using System.Collections.Generic;

                public class Customer
                {
                    public int Id { get; set; }

                    [[|Personal(PersonalDataCategory.Location)|]]
                    public {{type}} Home { get; set; } = default!;
                }
            """ + Related,
            expectedSources: ["PrivacyEf.Inventory.g.cs", "PrivacyEf.Registration.g.cs", "Shop.AddressPrivacy.g.cs"]);

        AssertNames(diagnostic, "Shop.Customer", "Home", target);
        Assert.Contains("annotate the personal properties of '" + target + "'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("byte[]")]
    [InlineData("List<string>")]
    [InlineData("string[]")]
    [InlineData("Dictionary<string, string>")]
    [InlineData("Uri")]
    [InlineData("System.Net.IPAddress")]
    [InlineData("DateTime?")]
    [InlineData("PersonalDataCategory")]
    public void PRIV012_is_not_reported_for_values_and_collections_of_values(string type)
        => AssertGeneratedWithoutDiagnostics($$"""
            namespace Shop
            {
                using System.Collections.Generic;

                public class Customer
                {
                    [Personal(PersonalDataCategory.Location)]
                    public {{type}} Home { get; set; } = default!;
                }
            }
            """);

    [Fact]
    public void PRIV012_is_not_reported_for_an_owned_type_whose_own_properties_are_annotated()
        => AssertGeneratedWithoutDiagnostics("""
            namespace Shop
            {
                public class Member
                {
                    public int Id { get; set; }

                    public MemberContact Contact { get; set; } = new();
                }

                public class MemberContact
                {
                    [DataSubject]
                    public int MemberId { get; set; }

                    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
                    public string Email { get; set; } = "";
                }
            }
            """);

    [Theory]
    [InlineData("", "public string Id { get; set; } = \"\";", "Id")]
    [InlineData("", "public int Id { get; set; }", "Id")]
    [InlineData("", "public string CustomerId { get; set; } = \"\";", "CustomerId")]
    [InlineData("", "[System.ComponentModel.DataAnnotations.Key] public string Code { get; set; } = \"\";", "Code")]
    [InlineData("[Microsoft.EntityFrameworkCore.PrimaryKey(nameof(Region), nameof(Code))]", "public string Code { get; set; } = \"\";", "Code")]
    public void PRIV013_Encrypt_on_a_key(string classAttribute, string declaration, string property)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV013", $$"""
            namespace Shop
            {
                {{classAttribute}}
                public class Customer
                {
                    public string Region { get; set; } = "";

                    [DataSubject]
                    public int PersonId { get; set; }

                    [[|Personal(PersonalDataCategory.Identity, Encrypt = true)|]]
                    {{declaration}}
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", property);
        Assert.Contains("is the entity's key", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PRIV013_Encrypt_on_the_data_subject()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV013", """
            namespace Shop
            {
                public class Newsletter
                {
                    public int Id { get; set; }

                    [DataSubject]
                    [[|Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)|]]
                    public string Email { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Newsletter", "Email");
        Assert.Contains("is the entity's [DataSubject]", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CustomerId")]
    [InlineData("Identifier")]
    [InlineData("TicketNumberId")]
    public void PRIV013_is_not_reported_for_a_foreign_key_or_another_name(string name)
        => AssertGeneratedWithoutDiagnostics($$"""
            namespace Shop
            {
                public class Ticket
                {
                    public int Id { get; set; }

                    [DataSubject]
                    public int PersonId { get; set; }

                    [Personal(PersonalDataCategory.Identity, Encrypt = true, Searchable = true)]
                    public string {{name}} { get; set; } = "";
                }
            }
            """);

    [Theory]
    [InlineData("byte[]", "Encrypt = true, Searchable = true", "byte[]")]
    [InlineData("int", "Searchable = true", "int")]
    [InlineData("Guid?", "Searchable = true", "System.Guid?")]
    public void PRIV014_Searchable_on_a_property_that_is_not_string(string type, string arguments, string shown)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV014", $$"""
            namespace Shop
            {
                public class Customer
                {
                    [[|Personal(PersonalDataCategory.Identity, {{arguments}})|]]
                    public {{type}} Passport { get; set; } = default!;
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", "Passport");
        Assert.Contains("'" + shown + "'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Email", "int")]
    [InlineData("Last4", "byte[]")]
    [InlineData("Initials", "DateTime")]
    [InlineData("Redacted", "int?")]
    [InlineData("Pseudonym", "Guid")]
    [InlineData("YearOnly", "bool")]
    [InlineData("YearOnly", "Guid?")]
    [InlineData("YearOnly", "byte[]")]
    public void PRIV015_Mask_that_cannot_apply_to_the_type(string mask, string type)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV015", $$"""
            namespace Shop
            {
                public class Customer
                {
                    [[|Personal(PersonalDataCategory.Identity, Mask = MaskStyle.{{mask}})|]]
                    public {{type}} Value { get; set; } = default!;
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", "Value");
        Assert.Contains("MaskStyle." + mask + " applies to", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("YearOnly", "DateTime?")]
    [InlineData("YearOnly", "DateTimeOffset")]
    [InlineData("YearOnly", "DateOnly?")]
    [InlineData("YearOnly", "int")]
    [InlineData("YearOnly", "string")]
    [InlineData("Hidden", "int")]
    [InlineData("Default", "byte[]")]
    [InlineData("Email", "string?")]
    [InlineData("Last4", "string")]
    [InlineData("Initials", "string")]
    [InlineData("Redacted", "string")]
    [InlineData("Pseudonym", "string")]
    public void PRIV015_is_not_reported_when_the_mask_fits(string mask, string type)
        => AssertGeneratedWithoutDiagnostics($$"""
            namespace Shop
            {
                public class Customer
                {
                    [Personal(PersonalDataCategory.Identity, Mask = MaskStyle.{{mask}})]
                    public {{type}} Value { get; set; } = default!;
                }
            }
            """);
}
