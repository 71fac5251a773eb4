using System.Reflection;
using System.Text.RegularExpressions;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// Compares generated source with the files in Snapshots/. With PRIVACYEF_UPDATE_SNAPSHOTS=1 it rewrites
/// them instead (review the diff before committing).
/// </summary>
internal static partial class Snapshot
{
    public const string UpdateVariable = "PRIVACYEF_UPDATE_SNAPSHOTS";

    /// <summary>The generator's version changes with every release; the snapshots should not.</summary>
    public const string VersionPlaceholder = "{generator-version}";

    public static string Directory { get; } = Path.Combine(ProjectDirectory(), "Snapshots");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string FileName(string hintName) => hintName + ".txt";

    public static void Match(string hintName, string actual)
    {
        var path = Path.Combine(Directory, FileName(hintName));
        var normalized = Normalize(actual);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run the tests with {UpdateVariable}=1 to write it.");
        var expected = Normalize(File.ReadAllText(path));
        Assert.Equal(expected, normalized);
    }

    public static string Normalize(string source)
        => GeneratedCodeVersion().Replace(source.Replace("\r\n", "\n", StringComparison.Ordinal), "$1" + VersionPlaceholder + "$2");

    [GeneratedRegex("""(GeneratedCode\("PrivacyEf\.Generators", ")[^"]*("\))""")]
    private static partial Regex GeneratedCodeVersion();

    private static string ProjectDirectory()
        => typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
               .Single(attribute => attribute.Key == "ProjectDirectory").Value
           ?? throw new InvalidOperationException("The test assembly does not record its project directory.");
}
