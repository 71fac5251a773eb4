namespace PrivacyEf.Tests.Architecture;

/// <summary>
/// The runtime's folders form layers: annotations, the kernel, capabilities that depend on the kernel only, and the
/// composition root that knows them all. A reference that breaks this (a capability reaching into another, the
/// kernel reaching into a capability) fails here with the file and type that made it.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] Capabilities = ["Access", "Dialects", "Encryption", "Inventory", "Redaction", "Retention", "SubjectRights"];

    private static readonly Lazy<SourceFolderGraph> Graph = new(() => SourceFolderGraph.Read(RuntimeSource()));

    [Fact]
    public void No_two_folders_depend_on_each_other_through_any_path()
    {
        var cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, "Folder cycles: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))) + Environment.NewLine + Describe());
    }

    [Fact]
    public void Every_folder_depends_only_on_the_layers_below_it()
    {
        var violations = new List<string>();
        foreach (var (from, targets) in Graph.Value.Edges)
        {
            foreach (var (to, example) in targets)
            {
                if (!Allowed(from, to))
                {
                    violations.Add($"{from} -> {to} ({example})");
                }
            }
        }

        Assert.True(violations.Count == 0, "Not allowed: " + string.Join("; ", violations));
    }

    [Fact]
    public void The_scan_sees_the_references_it_is_meant_to_forbid()
    {
        // The root knows every capability: if the scan found none of those references, it would pass anything.
        var root = Graph.Value.Edges["Composition"];
        Assert.Contains("Encryption", root.Keys);
        Assert.Contains("Access", root.Keys);
        Assert.Contains("Kernel", Graph.Value.Edges["Retention"].Keys);
    }

    private static bool Allowed(string from, string to) => from switch
    {
        "Composition" => true,
        "Annotations" => false,
        "Kernel" => to == "Annotations",
        _ when Capabilities.Contains(from) => to is "Kernel" or "Annotations",
        _ => false,
    };

    private static string Describe() =>
        string.Join(Environment.NewLine, Graph.Value.Edges.SelectMany(e => e.Value.Select(t => $"{e.Key} -> {t.Key} ({t.Value})")));

    private static string RuntimeSource()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "PrivacyEf");
            if (File.Exists(Path.Combine(candidate, "PrivacyEf.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The runtime's source (src/PrivacyEf) was not found above " + AppContext.BaseDirectory);
    }
}
