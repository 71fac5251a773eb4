using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Tests;

public sealed class SnapshotTests
{
    private static readonly Lazy<GeneratorOutput> Output = new(() => GeneratorHarness.Run(EntitySources.All));

    /// <summary>Every file the representative entity set must generate, and nothing else.</summary>
    private static readonly string[] HintNames =
    [
        "Shop.CustomerPrivacy.g.cs",
        "Shop.VipCustomerPrivacy.g.cs",
        "Shop.Support.TicketPrivacy.g.cs",
        "Shop.Auditing.AuditEntryPrivacy.g.cs",
        "Shop.Store_AddressPrivacy.g.cs",
        "Shop.Store_ClerkPrivacy.g.cs",
        "VisitorPrivacy.g.cs",
        "Shop.ContactPrivacy.g.cs",
        "PrivacyEf.Registration.g.cs",
        "PrivacyEf.Inventory.g.cs",
    ];

    public static TheoryData<string> ExpectedHintNames => new(HintNames);

    [Theory]
    [MemberData(nameof(ExpectedHintNames))]
    public void Generated_source_matches_snapshot(string hintName)
    {
        Assert.True(Output.Value.Sources.TryGetValue(hintName, out var source), $"{hintName} was not generated.");
        Snapshot.Match(hintName, source);
    }

    [Fact]
    public void Generates_exactly_the_expected_files()
    {
        var expected = HintNames.Order(StringComparer.Ordinal);
        Assert.Equal(expected, Output.Value.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Snapshot_folder_has_no_stale_files()
    {
        if (Snapshot.Updating)
        {
            return;
        }

        var expected = HintNames.Select(Snapshot.FileName).Order(StringComparer.Ordinal);
        var actual = Directory.GetFiles(Snapshot.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Valid_entities_report_no_diagnostics()
    {
        Assert.DoesNotContain(Output.Value.DriverDiagnostics, d => d.Id != "PRIV011");
        Assert.Empty(Output.Value.Diagnostics);
    }

    [Fact]
    public void Generated_source_compiles_with_the_input_without_errors_or_warnings()
    {
        Assert.Empty(Output.Value.CompilationErrors());

        // The input compiles with documentation diagnostics on, as a consumer with GenerateDocumentationFile does:
        // a public generated member without a doc comment would show up here as CS1591.
        Assert.Empty(Output.Value.GeneratedCodeDiagnostics());

        // ...and the check is live: the undocumented test entities themselves do get CS1591.
        Assert.Contains(Output.Value.OutputCompilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS1591");
    }

    [Fact]
    public void Generated_classes_are_public_only_for_public_entities()
    {
        var compilation = Output.Value.OutputCompilation;
        Assert.Equal(Accessibility.Public, compilation.GetTypeByMetadataName("Shop.Support.TicketPrivacy")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, compilation.GetTypeByMetadataName("Shop.Store_AddressPrivacy")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, compilation.GetTypeByMetadataName("Shop.Auditing.AuditEntryPrivacy")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, compilation.GetTypeByMetadataName("Shop.Store_ClerkPrivacy")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, compilation.GetTypeByMetadataName("VisitorPrivacy")!.DeclaredAccessibility);
    }

    [Fact]
    public void Nothing_is_generated_without_the_runtime()
    {
        const string LookAlikeAttributes = """
            namespace PrivacyEf
            {
                public enum PersonalDataCategory { Other, Contact }
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class PersonalAttribute : System.Attribute
                {
                    public PersonalAttribute(PersonalDataCategory category) { }
                }
            }
            """;
        const string Entity = """
            namespace Shop
            {
                public class Lead
                {
                    [PrivacyEf.Personal(PrivacyEf.PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
            }
            """;

        var output = GeneratorHarness.Run(GeneratorHarness.CreateCompilationWithoutRuntime(("Attributes.cs", LookAlikeAttributes), ("Lead.cs", Entity)));

        Assert.Empty(output.Sources);
        Assert.Empty(output.CompilationErrors());
    }

    [Fact]
    public void Registration_is_not_generated_when_no_entity_is()
    {
        var output = GeneratorHarness.Run(("Product.cs", EntitySources.Unannotated), ("Envelope.cs", EntitySources.Generic));

        Assert.Empty(output.Sources);
        Assert.Empty(output.Diagnostics);
    }
}
