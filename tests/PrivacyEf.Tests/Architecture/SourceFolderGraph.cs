using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyEf.Tests.Architecture;

/// <summary>
/// Which folders of the runtime's source refer to types declared in which other folders, read with Roslyn's
/// semantic model (so a type named in a <c>using</c>-less file, an extension method or a <c>var</c> counts too).
/// </summary>
internal sealed class SourceFolderGraph
{
    private SourceFolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges) => Edges = edges;

    /// <summary>For each folder, the folders it refers to, each with one example ("File.cs: Type").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    public static SourceFolderGraph Read(string sourceRoot)
    {
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(sourceRoot, path))
            .ToList();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path)).ToList();
        var compilation = CSharpCompilation.Create(
            "FolderGraph",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var from = FolderOf(sourceRoot, tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (DeclaringType(symbol) is not { } type)
                {
                    continue;
                }

                foreach (var location in type.Locations.Where(l => l.IsInSource && l.SourceTree is not null))
                {
                    var to = FolderOf(sourceRoot, location.SourceTree!.FilePath);
                    if (to == from)
                    {
                        continue;
                    }

                    if (!edges.TryGetValue(from, out var targets))
                    {
                        targets = new Dictionary<string, string>(StringComparer.Ordinal);
                        edges.Add(from, targets);
                    }

                    targets.TryAdd(to, $"{Path.GetFileName(tree.FilePath)}: {type.Name}");
                }
            }
        }

        return new SourceFolderGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>The strongly connected groups of more than one folder: each is a cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Connect(string folder)
        {
            indexes[folder] = lowLinks[folder] = index++;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in Edges.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!indexes.TryGetValue(next, out var nextIndex))
                {
                    Connect(next);
                    lowLinks[folder] = Math.Min(lowLinks[folder], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[folder] = Math.Min(lowLinks[folder], nextIndex);
                }
            }

            if (lowLinks[folder] == indexes[folder])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != folder);
                if (group.Count > 1)
                {
                    cycles.Add(group.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var folder in Edges.Keys.Concat(Edges.Values.SelectMany(t => t.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!indexes.ContainsKey(folder))
            {
                Connect(folder);
            }
        }

        return cycles;
    }

    private static INamedTypeSymbol? DeclaringType(ISymbol? symbol) => symbol switch
    {
        null => null,
        IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType?.OriginalDefinition,
        INamedTypeSymbol type => type.OriginalDefinition,
        IAliasSymbol alias => DeclaringType(alias.Target),
        INamespaceSymbol or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol => null,
        _ => symbol.ContainingType?.OriginalDefinition,
    };

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    private static string FolderOf(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "(root)" : relative[..slash];
    }

    // The framework's assemblies and every assembly next to the tests (EF Core, Data Protection, ...), so the
    // runtime's references to them bind; only references into the runtime's own source matter here.
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("PrivacyEf", StringComparison.Ordinal));
        return platform.Concat(local)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
