using System.Globalization;
using Microsoft.CodeAnalysis;
using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// PRIV021: with several kinds of data subject in a project, a bare <c>[DataSubject]</c> link whose entity has no
/// navigation to a kind could mean any of them; the warning says so where it is written, and nothing else is touched.
/// </summary>
public sealed class SubjectLinkDiagnosticTests
{
    private const string OneKind = """
        namespace Shop
        {
            public class Customer
            {
                [DataSubject]
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Identity)]
                public string Name { get; set; } = "";
            }

        """;

    private const string TwoKinds = OneKind + """
            public class Employee
            {
                [DataSubject]
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Identity)]
                public string Name { get; set; } = "";
            }

        """;

    [Fact]
    public void PRIV021_a_bare_link_without_a_navigation_in_a_project_with_two_kinds()
    {
        var (source, span) = Markup.Parse(Usings + TwoKinds + """
                public class Memo
                {
                    public int Id { get; set; }

                    [[|DataSubject|]]
                    public int PersonId { get; set; }

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Text { get; set; } = "";
                }
            }
            """);

        var output = GeneratorHarness.Run(("Entity.cs", source));

        Assert.Empty(output.CompilationErrors());
        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(("PRIV021", DiagnosticSeverity.Warning, span), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.SourceSpan));
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'PersonId' of entity 'Memo'", message, StringComparison.Ordinal);
        Assert.Contains("(Customer, Employee)", message, StringComparison.Ordinal);

        // A warning only: the memo is still generated, protected as before.
        Assert.Contains(output.Sources.Keys, name => name.Contains("MemoPrivacy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[DataSubject(typeof(Customer))] public int PersonId { get; set; }")]
    [InlineData("[DataSubject] public int CustomerId { get; set; } public Customer? Customer { get; set; }")]
    [InlineData("[DataSubject] public Customer? Customer { get; set; }")]
    public void No_warning_when_the_kind_is_named_or_a_navigation_leads_to_one(string link)
    {
        AssertGeneratedWithoutDiagnostics(TwoKinds + $$"""
                public class Memo
                {
                    public int Id { get; set; }

                    {{link}}

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Text { get; set; } = "";
                }
            }
            """);
    }

    [Fact]
    public void No_warning_with_one_kind_where_a_bare_link_means_that_kind()
    {
        AssertGeneratedWithoutDiagnostics(OneKind + """
                public class Memo
                {
                    public int Id { get; set; }

                    [DataSubject]
                    public int PersonId { get; set; }

                    [Personal(PersonalDataCategory.FreeText)]
                    public string Text { get; set; } = "";
                }
            }
            """);
    }
}
