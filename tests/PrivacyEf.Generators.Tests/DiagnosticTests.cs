using System.Globalization;
using Microsoft.CodeAnalysis;
using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("int")]
    [InlineData("char[]")]
    [InlineData("DateTime?")]
    [InlineData("Guid")]
    public void PRIV001_Encrypt_on_a_type_that_is_not_string_or_bytes(string type)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV001", $$"""
            namespace Shop
            {
                public class Employee
                {
                    [[|Personal(PersonalDataCategory.Financial, Encrypt = true)|]]
                    public {{type}} Salary { get; set; }
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Employee", "Salary");
        Assert.Contains(type, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string", ", Searchable = true")]
    [InlineData("string?", ", Searchable = true")]
    [InlineData("byte[]", "")]
    [InlineData("byte[]?", "")]
    public void PRIV001_is_not_reported_for_string_and_bytes(string type, string searchable)
        => AssertGeneratedWithoutDiagnostics($$"""
            namespace Shop
            {
                public class Employee
                {
                    [Personal(PersonalDataCategory.Financial, Encrypt = true{{searchable}})]
                    public {{type}} Iban { get; set; } = default!;
                }
            }
            """);

    [Fact]
    public void PRIV002_Searchable_without_Encrypt()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV002", """
            namespace Shop
            {
                public class Customer
                {
                    [[|Personal(PersonalDataCategory.Contact, Searchable = true)|]]
                    public string Email { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", "Email");
    }

    [Theory]
    [InlineData("", "null")]
    [InlineData(", From = null", "null")]
    [InlineData(", From = \"\"", "\"\"")]
    [InlineData(", From = \"Closed\"", "\"Closed\"")]
    public void PRIV003_Retain_From_missing_empty_or_unknown(string from, string shown)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV003", $$"""
            namespace Shop
            {
                [[|Retain(90{{from}})|]]
                public class Ticket
                {
                    public int Id { get; set; }

                    public DateTime? ClosedAt { get; set; }

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Body { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Ticket");
        Assert.Contains("From = " + shown, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int")]
    [InlineData("string")]
    [InlineData("DateOnly")]
    public void PRIV004_Retain_From_a_property_that_is_not_a_date(string type)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV004", $$"""
            namespace Shop
            {
                [[|Retain(90, From = nameof(ClosedAt))|]]
                public class Ticket
                {
                    public int Id { get; set; }

                    public {{type}} ClosedAt { get; set; } = default!;

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Body { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Ticket", "ClosedAt");
    }

    [Theory]
    [InlineData("DateTime")]
    [InlineData("DateTime?")]
    [InlineData("DateTimeOffset")]
    [InlineData("DateTimeOffset?")]
    public void PRIV004_is_not_reported_for_dates_own_or_inherited(string type)
        => AssertGeneratedWithoutDiagnostics($$"""
            namespace Shop
            {
                public abstract class Record
                {
                    public {{type}} ClosedAt { get; set; }
                }

                [Retain(90, From = nameof(ClosedAt))]
                public class Ticket : Record
                {
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Body { get; set; } = "";
                }
            }
            """);

    [Theory]
    [InlineData("0")]
    [InlineData("-30")]
    public void PRIV005_Retain_days_not_positive(string days)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV005", $$"""
            namespace Shop
            {
                [[|Retain({{days}}, From = nameof(ClosedAt))|]]
                public class Ticket
                {
                    public int Id { get; set; }

                    public DateTime? ClosedAt { get; set; }
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Ticket");
        Assert.Contains(days + " days", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("byte[]")]
    [InlineData("int")]
    public void PRIV006_Redact_on_a_property_that_is_not_string(string type)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV006", $$"""
            namespace Shop
            {
                public class Message
                {
                    [[|Personal(PersonalDataCategory.FreeText, Redact = true)|]]
                    public {{type}} Attachment { get; set; } = default!;
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Message", "Attachment");
    }

    [Theory]
    [InlineData("Purpose")]
    [InlineData("Purpose()")]
    [InlineData("Purpose(null)")]
    [InlineData("Purpose(\"\")")]
    [InlineData("Purpose(\"  \")")]
    [InlineData("Purpose(\"support\", null)")]
    public void PRIV007_Purpose_empty_or_blank_on_a_property(string attribute)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV007", $$"""
            namespace Shop
            {
                public class Customer
                {
                    [Personal(PersonalDataCategory.Contact)]
                    [[|{{attribute}}|]]
                    public string Email { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", "Email");
    }

    [Fact]
    public void PRIV007_Purpose_blank_on_a_class()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV007", """
            namespace Shop
            {
                [[|Purpose("support", " ")|]]
                public class Customer
                {
                    [Personal(PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer");
    }

    [Theory]
    [InlineData("bool?")]
    [InlineData("int")]
    [InlineData("DateTime?")]
    public void PRIV008_LegalHold_on_a_property_that_is_not_bool(string type)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV008", $$"""
            namespace Shop
            {
                public class Ticket
                {
                    [Personal(PersonalDataCategory.FreeText)]
                    public string Body { get; set; } = "";

                    [[|LegalHold|]]
                    public {{type}} OnHold { get; set; }
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Ticket", "OnHold");
    }

    [Fact]
    public void PRIV009_DataSubject_on_two_properties()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV009", """
            namespace Shop
            {
                public class Order
                {
                    [DataSubject]
                    public int CustomerId { get; set; }

                    [[|DataSubject|]]
                    public int RecipientId { get; set; }
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Order", "RecipientId", "CustomerId");
    }

    [Fact]
    public void PRIV009_DataSubject_added_to_a_derived_entity()
    {
        var diagnostic = AssertSingleDiagnostic(
            "PRIV009",
            """
            namespace Shop
            {
                public class Order
                {
                    [DataSubject]
                    public int CustomerId { get; set; }
                }

                public class GiftOrder : Order
                {
                    [[|DataSubject|]]
                    public int RecipientId { get; set; }
                }
            }
            """,
            expectedSources: ["PrivacyEf.Inventory.g.cs", "PrivacyEf.Registration.g.cs", "Shop.OrderPrivacy.g.cs"]);

        AssertNames(diagnostic, "Shop.GiftOrder", "RecipientId", "CustomerId");
    }

    [Fact]
    public void PRIV010_LegalHold_on_two_properties()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV010", """
            namespace Shop
            {
                public class Ticket
                {
                    [LegalHold]
                    public bool OnHold { get; set; }

                    [[|LegalHold|]]
                    public bool Disputed { get; set; }
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Ticket", "Disputed", "OnHold");
    }

    [Fact]
    public void An_entity_with_an_error_is_not_generated_while_the_others_are()
    {
        var output = GeneratorHarness.Run(("Entities.cs", Usings + """
            namespace Shop
            {
                public class Good
                {
                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";
                }

                public class Bad
                {
                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";

                    [Personal(PersonalDataCategory.Contact, Searchable = true)]
                    public string Phone { get; set; } = "";
                }
            }
            """));

        Assert.Equal("PRIV002", Assert.Single(output.Diagnostics).Id);
        Assert.Equal(["PrivacyEf.Inventory.g.cs", "PrivacyEf.Registration.g.cs", "Shop.GoodPrivacy.g.cs"], output.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("BadPrivacy", output.Sources["PrivacyEf.Registration.g.cs"], StringComparison.Ordinal);
        Assert.Contains("## Shop.Good", output.Sources["PrivacyEf.Inventory.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Bad", output.Sources["PrivacyEf.Inventory.g.cs"], StringComparison.Ordinal);
        Assert.Empty(output.CompilationErrors());
    }

    [Fact]
    public void An_inherited_error_is_reported_once_by_the_base_and_blocks_the_derived_entity()
    {
        var output = GeneratorHarness.Run(("Entities.cs", Usings + """
            namespace Shop
            {
                public class Person
                {
                    [Personal(PersonalDataCategory.Identity, Redact = true)]
                    public int Age { get; set; }
                }

                public class Employee : Person
                {
                    [Personal(PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
            }
            """));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PRIV006", diagnostic.Id);
        AssertNames(diagnostic, "Shop.Person", "Age");
        Assert.Empty(output.Sources);
    }

    [Fact]
    public void PRIV011_Personal_data_without_a_data_subject_is_a_warning_and_the_entity_is_still_generated()
    {
        var output = GeneratorHarness.Run(("Lead.cs", """
            using PrivacyEf;

            namespace Shop;

            public class Lead
            {
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                public string Email { get; set; } = "";
            }
            """));

        var warning = Assert.Single(output.AllDiagnostics);
        Assert.Equal(("PRIV011", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Contains("'Shop.Lead'", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var span = warning.Location.GetLineSpan();
        Assert.Equal(("Lead.cs", 4, 13), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(output.Result.GeneratedSources, source => source.HintName.Contains("LeadPrivacy", StringComparison.Ordinal));
    }

    [Fact]
    public void PRIV011_is_not_reported_when_a_property_names_the_data_subject()
    {
        var output = GeneratorHarness.Run(("Lead.cs", """
            using PrivacyEf;

            namespace Shop;

            public class Lead
            {
                public int Id { get; set; }

                [DataSubject]
                public int PersonId { get; set; }

                [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                public string Email { get; set; } = "";
            }
            """));

        Assert.Empty(output.AllDiagnostics);
    }

    [Theory]
    [InlineData("[Microsoft.EntityFrameworkCore.Owned]", false)]
    [InlineData("[Shop.Owned]", true)]
    [InlineData("", true)]
    public void PRIV011_is_not_reported_for_a_type_marked_Owned_by_EF(string attribute, bool reported)
    {
        var output = GeneratorHarness.Run(("Address.cs", $$"""
            using PrivacyEf;

            namespace Shop;

            public sealed class OwnedAttribute : System.Attribute;

            {{attribute}}
            public class Address
            {
                [Personal(PersonalDataCategory.Location, Encrypt = true)]
                public string Street { get; set; } = "";
            }
            """));

        Assert.Equal(reported, output.AllDiagnostics.Any(d => d.Id == "PRIV011"));
    }

    [Fact]
    public void PRIV020_a_kind_that_is_not_a_data_subject()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV020", """
            namespace Shop
            {
                public class Warehouse
                {
                    public int Id { get; set; }
                }

                public class Ticket
                {
                    public int Id { get; set; }

                    [[|DataSubject(typeof(Warehouse))|]]
                    public int WarehouseId { get; set; }

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Body { get; set; } = "";
                }
            }
            """);

        Assert.Contains("'Shop.Warehouse'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_kind_of_data_subject_is_emitted_into_the_metadata()
    {
        var output = GeneratorHarness.Run(("Ticket.cs", """
            using PrivacyEf;

            namespace Shop;

            public class Customer
            {
                [DataSubject]
                public int Id { get; set; }
            }

            public class Ticket
            {
                public int Id { get; set; }

                [DataSubject(typeof(Customer))]
                public int CustomerId { get; set; }

                [Personal(PersonalDataCategory.FreeText)]
                public string Body { get; set; } = "";
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        Assert.Empty(output.CompilationErrors());
        Assert.Contains("DataSubjectKind = typeof(global::Shop.Customer),", output.Sources["Shop.TicketPrivacy.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_descriptor_is_an_enabled_error_in_the_PrivacyEf_category()
    {
        var descriptors = Diagnostics.DiagnosticDescriptors.All;

        Assert.Equal(
            ["PRIV001", "PRIV002", "PRIV003", "PRIV004", "PRIV005", "PRIV006", "PRIV007", "PRIV008", "PRIV009", "PRIV010", "PRIV011", "PRIV012", "PRIV013", "PRIV014", "PRIV015", "PRIV016", "PRIV017", "PRIV018", "PRIV019", "PRIV020", "PRIV021", "PRIV022"],
            descriptors.Select(descriptor => descriptor.Id));
        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal(descriptor.Id is "PRIV011" or "PRIV021" or "PRIV022" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal("PrivacyEf", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
        });
    }
}
