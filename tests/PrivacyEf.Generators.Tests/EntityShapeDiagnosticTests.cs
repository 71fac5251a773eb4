using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// PRIV016 and PRIV017: annotations on a type the generator cannot describe are reported, never dropped without a
/// word; and positional records, which the attribute finders do not see, are read.
/// </summary>
public sealed class EntityShapeDiagnosticTests
{
    [Theory]
    [InlineData("public struct [|Point|]", "struct")]
    [InlineData("public readonly record struct [|Point|]", "struct")]
    [InlineData("public interface [|Point|]", "interface")]
    public void PRIV016_annotations_on_a_struct_or_interface(string declaration, string shape)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV016", $$"""
            namespace Shop
            {
                {{declaration}}
                {
                    [Personal(PersonalDataCategory.Location)]
                    public string Street { get; {{(shape == "interface" ? "" : "init; ")}}}
                }
            }
            """);

        Assert.Contains("'Shop.Point' is a " + shape, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PRIV016_a_positional_record_struct()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV016", """
            namespace Shop
            {
                public record struct [|Contact|](int Id, [property: Personal(PersonalDataCategory.Contact)] string Email);
            }
            """);

        Assert.Contains("'Shop.Contact' is a struct", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PRIV016_a_static_class()
        => AssertSingleDiagnostic("PRIV016", """
            namespace Shop
            {
                public static class [|Defaults|]
                {
                    [Personal(PersonalDataCategory.Contact)]
                    public static string Email { get; set; } = "";
                }
            }
            """);

    [Theory]
    [InlineData("public class [|Envelope|]<T>", "Shop.Envelope<T>")]
    [InlineData("public sealed record [|Envelope|]<T>", "Shop.Envelope<T>")]
    public void PRIV017_a_generic_class_that_could_be_an_entity(string declaration, string name)
    {
        var diagnostic = AssertSingleDiagnostic("PRIV017", $$"""
            namespace Shop
            {
                {{declaration}}
                {
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Sender { get; set; } = "";
                }
            }
            """);

        Assert.Contains("'" + name + "' is generic", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PRIV017_a_class_nested_in_a_generic_one()
        => AssertSingleDiagnostic("PRIV017", """
            namespace Shop
            {
                public abstract class Outer<T>
                {
                    public class [|Inner|]
                    {
                        [Personal(PersonalDataCategory.Contact)]
                        public string Email { get; set; } = "";
                    }
                }
            }
            """);

    [Fact]
    public void An_abstract_generic_base_is_read_through_its_derived_entity()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + """
            namespace Shop
            {
                public abstract class Entity<TKey>
                {
                    public TKey Id { get; set; } = default!;

                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";
                }

                public class Customer : Entity<int>
                {
                    [DataSubject]
                    public int PersonId { get; set; }
                }
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        Assert.Contains("new global::PrivacyEf.Internal.PrivacyPropertyMetadata(\"Email\"", output.Sources["Shop.CustomerPrivacy.g.cs"], StringComparison.Ordinal);
        Assert.Empty(output.CompilationErrors());
    }

    [Fact]
    public void A_positional_record_is_read_with_its_body_properties()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + """
            namespace Shop
            {
                public record Contact(int Id, [property: Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)] string Email)
                {
                    [DataSubject]
                    public int PersonId { get; init; }

                    [Personal(PersonalDataCategory.Contact)]
                    public string? Phone { get; init; }
                }
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        var generated = output.Sources["Shop.ContactPrivacy.g.cs"];
        Assert.Contains("PrivacyPropertyMetadata(\"Email\", typeof(string), global::PrivacyEf.PersonalDataCategory.Contact, true, true", generated, StringComparison.Ordinal);
        Assert.Contains("PrivacyPropertyMetadata(\"Phone\"", generated, StringComparison.Ordinal);
        Assert.Empty(output.CompilationErrors());
    }

    [Fact]
    public void A_positional_record_nested_in_a_class_of_a_file_scoped_namespace_is_read()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + """
            namespace Shop.Crm;

            public class Book
            {
                public record Entry([property: DataSubject] int PersonId, [property: Personal(PersonalDataCategory.Contact)] string Email);
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        Assert.Contains("PrivacyPropertyMetadata(\"Email\"", output.Sources["Shop.Crm.Book_EntryPrivacy.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_positional_record_parameter_is_checked_like_a_property()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV001", """
            namespace Shop
            {
                public record Contact([property: DataSubject] int PersonId, [property: [|Personal(PersonalDataCategory.Identity, Encrypt = true)|]] DateTime Born);
            }
            """);

        AssertNames(diagnostic, "Shop.Contact", "Born");
    }

    [Fact]
    public void PRIV018_personal_on_a_positional_record_parameter_without_the_property_target()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV018", """
            namespace Shop
            {
                public record Contact([property: DataSubject] int Id, [[|Personal(PersonalDataCategory.Contact)|]] string Email);
            }
            """,
            // The rest of the record is generated (its Email is not personal): the error fails the build all the same.
            ["PrivacyEf.Inventory.g.cs", "PrivacyEf.Registration.g.cs", "Shop.ContactPrivacy.g.cs"]);

        Assert.Contains("parameter 'Email' of record 'Shop.Contact'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Personal_on_a_method_parameter_or_a_record_property_is_no_error()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + """
            namespace Shop
            {
                public record Contact([property: DataSubject] int Id, [property: Personal(PersonalDataCategory.Contact)] string Email);

                public static class Log
                {
                    public static string Describe([Personal(PersonalDataCategory.Contact)] string email) => email.Length.ToString();
                }
            }
            """));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationErrors());
        Assert.Contains("Shop.ContactPrivacy.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void PRIV019_personal_without_a_category_on_an_entity_property()
    {
        var diagnostic = AssertSingleDiagnostic("PRIV019", """
            namespace Shop
            {
                public class Customer
                {
                    [DataSubject]
                    public int Id { get; set; }

                    [[|Personal|]]
                    public string Email { get; set; } = "";
                }
            }
            """);

        AssertNames(diagnostic, "Shop.Customer", "Email");
    }
}
