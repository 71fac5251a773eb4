using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Tests.Performance;

/// <summary>
/// The 300-entity model of the generator-speed issue: each entity has five personal properties, retention, a legal
/// hold and a searchable column, in a file of its own, beside 100 files of unrelated code. The templates are
/// plain files so that report-generator-time.sh builds the very same model as a real project.
/// </summary>
internal static class LargeModel
{
    public const int EntityCount = 300;

    public const int UnrelatedCount = 100;

    /// <summary>A file the unrelated edit changes: it holds no privacy attribute.</summary>
    public const string UnrelatedPath = "Services/Service1.cs";

    private static readonly Lazy<string> EntityTemplate = new(() => Template("LargeModelEntity.txt"));

    private static readonly Lazy<string> UnrelatedTemplate = new(() => Template("LargeModelUnrelated.txt"));

    public static (string Path, string Source)[] Sources()
    {
        var sources = new List<(string Path, string Source)>(EntityCount + UnrelatedCount);
        for (var i = 1; i <= EntityCount; i++)
        {
            sources.Add(("Model/Record" + i + ".cs", Fill(EntityTemplate.Value, i)));
        }

        for (var i = 1; i <= UnrelatedCount; i++)
        {
            sources.Add(("Services/Service" + i + ".cs", Fill(UnrelatedTemplate.Value, i)));
        }

        return [.. sources];
    }

    /// <summary>The compilation after an edit inside a method of a file without privacy attributes.</summary>
    public static Compilation WithUnrelatedEdit(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath == UnrelatedPath);
        var text = tree.GetText().ToString().Replace("sum += value;", "sum += value * 1;", StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(UnrelatedPath, text));
    }

    /// <summary>
    /// The compilation a new compiler process builds for the same files: every tree parsed anew, none shared with
    /// <paramref name="compilation"/>, as on a command-line rebuild.
    /// </summary>
    public static Compilation Reparsed(Compilation compilation)
        => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(
            compilation.SyntaxTrees.Select(tree => GeneratorHarness.Parse(tree.FilePath, tree.GetText().ToString())));

    private static string Fill(string template, int n)
        => template
            .Replace("{N}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{AREA}", (n % 10).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Template(string name)
    {
        using var stream = typeof(LargeModel).Assembly.GetManifestResourceStream("PrivacyEf.Generators.Tests.Performance." + name)
            ?? throw new InvalidOperationException("The test assembly does not embed " + name + "; it has " + string.Join(", ", typeof(LargeModel).Assembly.GetManifestResourceNames()));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
