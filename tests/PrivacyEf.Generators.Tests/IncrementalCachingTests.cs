using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// The generator runs in the IDE on every keystroke: an edit that touches no annotated entity must leave every
/// step cached, and an edit of an annotated property must get through to the output.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string UnrelatedSource = """
        namespace Shop.Reports
        {
            public static class Totals
            {
                public static int Sum(int a, int b) => a + b;
            }
        }
        """;

    /// <summary>An entity with an error, so that the diagnostics step has something to keep cached.</summary>
    private const string BrokenSource = """
        using PrivacyEf;

        namespace Shop
        {
            public class Lead
            {
                [Personal(PersonalDataCategory.Contact, Searchable = true)]
                public string Email { get; set; } = "";
            }
        }
        """;

    private static (string Path, string Source)[] Sources => [.. EntitySources.All, ("Totals.cs", UnrelatedSource), ("Lead.cs", BrokenSource)];

    public static TheoryData<string> UnrelatedEdits => new(["add a tree", "edit a tree", "edit an entity's body"]);

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void An_unrelated_edit_leaves_every_tracked_step_cached(string edit)
    {
        var compilation = GeneratorHarness.CreateCompilation(Sources);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();

        var edited = edit switch
        {
            "add a tree" => compilation.AddSyntaxTrees(GeneratorHarness.Parse("Added.cs", "namespace Shop { internal sealed class Added { } }")),
            "edit a tree" => Replace(compilation, "Totals.cs", "a + b", "b + a"),
            _ => Replace(compilation, "Ticket.cs", "public int Id { get; set; }", "public int Id { get; set; }\n\n        public string Subject { get; set; } = \"\";"),
        };
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"Step {name} was not tracked.");
            var outputs = steps.SelectMany(step => step.Outputs).ToList();
            Assert.True(outputs.Count > 0, $"Step {name} produced no output to check.");
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} output was {output.Reason}."));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

        // Cached steps still give the same sources and diagnostics.
        Assert.Equal("PRIV002", Assert.Single(result.Diagnostics, d => d.Id != "PRIV011").Id);
        Assert.Equal(
            before.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())),
            result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())));
    }

    [Fact]
    public void Every_named_step_is_in_the_tracking_catalogue()
    {
        var compilation = GeneratorHarness.CreateCompilation(Sources);
        var result = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

        // Roslyn names some steps itself (inputs, outputs and the insides of ForAttributeWithMetadataName);
        // every other name must come from TrackingNames.
        string[] roslynSteps = ["Compilation", "CompilationOptions", "SourceOutput", "ImplementationSourceOutput"];
        var ours = result.TrackedSteps.Keys.Where(name => !name.Contains("_ForAttribute", StringComparison.Ordinal) && !roslynSteps.Contains(name));
        Assert.Equal(TrackingNames.All.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_a_personal_property_changes_the_output()
    {
        var compilation = GeneratorHarness.CreateCompilation(EntitySources.All);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();

        var edited = Replace(compilation, "Ticket.cs", "Mask = MaskStyle.Email", "Mask = MaskStyle.Hidden");
        var after = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = after.TrackedSteps[TrackingNames.EmittableEntities].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(emitted, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(emitted, output => output.Reason != IncrementalStepRunReason.Cached && output.Reason != IncrementalStepRunReason.Unchanged);

        var ticketBefore = Source(before, "Shop.Support.TicketPrivacy.g.cs");
        var ticketAfter = Source(after, "Shop.Support.TicketPrivacy.g.cs");
        Assert.NotEqual(ticketBefore, ticketAfter);
        Assert.Contains("global::PrivacyEf.MaskStyle.Hidden", ticketAfter, StringComparison.Ordinal);
        Assert.Equal(Source(before, "Shop.CustomerPrivacy.g.cs"), Source(after, "Shop.CustomerPrivacy.g.cs"));
    }

    [Fact]
    public void Breaking_an_entity_removes_it_and_reports_the_error()
    {
        var compilation = GeneratorHarness.CreateCompilation(EntitySources.All);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = Replace(compilation, "Ticket.cs", "Encrypt = true, Searchable = true", "Searchable = true");
        var after = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal("PRIV002", Assert.Single(after.Diagnostics, d => d.Id != "PRIV011").Id);
        Assert.DoesNotContain(after.GeneratedSources, source => source.HintName == "Shop.Support.TicketPrivacy.g.cs");
        Assert.DoesNotContain("TicketPrivacy", Source(after, "PrivacyEf.Registration.g.cs"), StringComparison.Ordinal);
    }

    private static string Source(GeneratorRunResult result, string hintName)
        => result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    private static Compilation Replace(Compilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(path, text.Replace(oldText, newText, StringComparison.Ordinal)));
    }
}
