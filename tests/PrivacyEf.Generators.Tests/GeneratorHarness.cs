using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PrivacyEf.Generators.Tests;

/// <summary>Builds compilations against the real runtime (and EF Core) and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// Every assembly the test host loads from: the framework, EF Core and PrivacyEf itself (a project
    /// reference of this test project), so generated code compiles against the same runtime users get.
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(Internal.PrivacyRegistry).Assembly.Location);
        paths.Add(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location);
        return [.. paths.Order(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    public static CSharpCompilation CreateCompilation(params (string Path, string Source)[] sources)
        => CreateCompilation(References.Value, sources);

    /// <summary>A compilation without PrivacyEf's runtime: only the framework and source-declared look-alike attributes.</summary>
    public static CSharpCompilation CreateCompilationWithoutRuntime(params (string Path, string Source)[] sources)
        => CreateCompilation(
            [.. References.Value.Where(reference => !string.Equals(Path.GetFileName(reference.Display), "PrivacyEf.dll", StringComparison.OrdinalIgnoreCase))],
            sources);

    public static SyntaxTree Parse(string path, string source)
        => CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), ParseOptions, path);

    public static GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new PrivacyGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once and returns its result and the compilation with the generated sources added.</summary>
    public static GeneratorOutput Run(params (string Path, string Source)[] sources)
        => Run(CreateCompilation(sources));

    public static GeneratorOutput Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var driverDiagnostics);
        return new GeneratorOutput(driver.GetRunResult().Results.Single(), outputCompilation, driverDiagnostics);
    }

    private static CSharpCompilation CreateCompilation(ImmutableArray<MetadataReference> references, (string Path, string Source)[] sources)
        => CSharpCompilation.Create(
            "PrivacyEf.Generators.Tests.Input",
            sources.Select(source => Parse(source.Path, source.Source)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutput(GeneratorRunResult Result, Compilation OutputCompilation, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>
    /// The generator's diagnostics except PRIV011 (personal data without a data subject), which most test
    /// entities would raise and which has tests of its own through <see cref="AllDiagnostics"/>.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics => [.. Result.Diagnostics.Where(d => d.Id != "PRIV011")];

    public ImmutableArray<Diagnostic> AllDiagnostics => Result.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources
        => Result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Errors (and warnings) of the compilation with the generated sources, in the generated files only.</summary>
    public IReadOnlyList<Diagnostic> GeneratedCodeDiagnostics()
    {
        var generatedTrees = Result.GeneratedSources.Select(source => source.SyntaxTree).ToHashSet();
        return OutputCompilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Where(diagnostic => diagnostic.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
    }

    public IReadOnlyList<Diagnostic> CompilationErrors()
        => OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
}
