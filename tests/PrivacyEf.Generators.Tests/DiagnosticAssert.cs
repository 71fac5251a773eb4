using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Tests;

/// <summary>How the diagnostic tests run one source through the generator and check what it reports.</summary>
internal static class DiagnosticAssert
{
    public const string Usings = """
        using System;
        using PrivacyEf;

        """;

    public static Diagnostic AssertSingleDiagnostic(string id, string markedSource, string[]? expectedSources = null)
    {
        var (source, span) = Markup.Parse(Usings + markedSource);
        var output = GeneratorHarness.Run(("Entity.cs", source));

        // The input itself must be valid C#: only the generator may object to it.
        Assert.Empty(output.CompilationErrors());

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Entity.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(span, diagnostic.Location.SourceSpan);

        // An entity with an error is not generated at all.
        Assert.Equal(expectedSources ?? [], output.Sources.Keys.Order(StringComparer.Ordinal));
        return diagnostic;
    }

    /// <summary>The message names the entity and each property, quoted.</summary>
    public static void AssertNames(Diagnostic diagnostic, string entity, params string[] properties)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("entity '" + entity + "'", message, StringComparison.Ordinal);
        foreach (var property in properties)
        {
            Assert.Contains("'" + property + "'", message, StringComparison.Ordinal);
        }
    }

    public static void AssertGeneratedWithoutDiagnostics(string source)
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + source));

        Assert.Empty(output.Diagnostics);
        Assert.Contains("PrivacyEf.Registration.g.cs", output.Sources.Keys);
        Assert.Empty(output.CompilationErrors());
    }
}
