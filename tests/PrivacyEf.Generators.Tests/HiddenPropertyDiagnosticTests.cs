using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// PRIV022: a property declared <c>new</c> over a virtual or annotated base property, the mistake that compiles and
/// then splits one column in two (ASP.NET Core Identity reads the base class's <c>Email</c>, the annotations sit on
/// another). A warning at the hiding property's name; overriding, hiding a plain property, or hiding a virtual one with
/// a property that declares nothing (an idiom EF Core itself uses) is not reported.
/// </summary>
public sealed class HiddenPropertyDiagnosticTests
{
    private const string LibraryUser = """
        namespace Library
        {
            public class LibraryUser
            {
                public virtual string? Email { get; set; }

                public string? Nickname { get; set; }
            }
        }
        """;

    [Fact]
    public void PRIV022_a_new_property_hiding_a_virtual_one_of_a_referenced_library()
    {
        // The base class comes from another assembly, as IdentityUser does: only its metadata is seen.
        var library = GeneratorHarness.CreateCompilation(("LibraryUser.cs", LibraryUser));
        var (source, span) = Markup.Parse(DiagnosticAssert.Usings + """
            namespace Shop
            {
                public class AppUser : Library.LibraryUser
                {
                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public new string? [|Email|] { get; set; }
                }
            }
            """);
        var compilation = GeneratorHarness.CreateCompilation(("AppUser.cs", source)).AddReferences(library.ToMetadataReference());

        var output = GeneratorHarness.Run(compilation);

        Assert.Empty(output.CompilationErrors());
        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(("PRIV022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Email' of 'Shop.AppUser'", message, StringComparison.Ordinal);
        Assert.Contains("'Library.LibraryUser.Email', which is virtual", message, StringComparison.Ordinal);
        Assert.Contains("IsPersonal", message, StringComparison.Ordinal);

        // A warning: the entity is still generated.
        Assert.Contains("Shop.AppUserPrivacy.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void PRIV022_a_new_property_hiding_an_annotated_one_in_a_class_without_annotations()
    {
        var (source, span) = Markup.Parse(DiagnosticAssert.Usings + """
            namespace Shop
            {
                public class Customer
                {
                    [DataSubject]
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";
                }

                public class ImportedCustomer : Customer
                {
                    public new string [|Email|] { get; set; } = "";
                }
            }
            """);

        var output = GeneratorHarness.Run(("Customer.cs", source));

        Assert.Empty(output.CompilationErrors());
        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PRIV022", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("'Shop.Customer.Email', which carries PrivacyEf attributes", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public override string? Email { get; set; }")]
    [InlineData("public new string? Nickname { get; set; }")]
    [InlineData("public new static string? Email { get; set; }")]
    [InlineData("public new string? Email { get; set; }")]
    [InlineData("[Personal(PersonalDataCategory.Contact)] public new string? Nickname { get; set; }")]
    public void Overriding_or_hiding_a_plain_property_is_not_reported(string member)
    {
        var output = GeneratorHarness.Run(("LibraryUser.cs", LibraryUser), ("AppUser.cs", DiagnosticAssert.Usings + $$"""
            namespace Shop
            {
                public class AppUser : Library.LibraryUser
                {
                    {{member}}
                }
            }
            """));

        Assert.Empty(output.CompilationErrors());
        Assert.DoesNotContain(output.AllDiagnostics, d => d.Id == "PRIV022");
    }
}
