using System.Reflection;
using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Model;
using PrivacyEf.Generators.Parsing;

namespace PrivacyEf.Generators.Tests;

public sealed class ModelTests
{
    /// <summary>What a model must never hold: each keeps a compilation alive and never equals its next version.</summary>
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxToken),
        typeof(SyntaxTree),
        typeof(SyntaxReference),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(Location),
        typeof(AttributeData),
        typeof(TypedConstant),
    ];

    public static TheoryData<Type> ModelTypes => new(
        typeof(EntityParseResult).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(EntityModel).Namespace && !type.IsAbstract && !type.Name.StartsWith('<'))
            .Where(type => !type.IsGenericTypeDefinition)
            .Append(typeof(EquatableArray<PropertyModel>))
            .Append(typeof(EquatableArray<DiagnosticInfo>))
            .Append(typeof(EquatableArray<string>)));

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_holds_no_symbol_syntax_compilation_or_location(Type modelType)
    {
        var offending = new List<string>();
        Walk(modelType, modelType.Name, new HashSet<Type>(), offending);
        Assert.Empty(offending);
    }

    [Fact]
    public void The_walk_finds_a_symbol_when_there_is_one()
    {
        var offending = new List<string>();
        Walk(typeof(HoldsASymbolInAnArray), nameof(HoldsASymbolInAnArray), new HashSet<Type>(), offending);
        Assert.NotEmpty(offending);
    }

    [Fact]
    public void Parsing_the_same_source_twice_gives_equal_models()
    {
        var first = ParseAll(GeneratorHarness.CreateCompilation(EntitySources.All));
        var second = ParseAll(GeneratorHarness.CreateCompilation(EntitySources.All));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Select(result => result.GetHashCode()), second.Select(result => result.GetHashCode()));
        Assert.All(first, result => Assert.NotNull(result.Model));
    }

    [Fact]
    public void Parsing_an_invalid_entity_twice_gives_equal_diagnostics()
    {
        const string Source = """
            using PrivacyEf;
            namespace Shop
            {
                [Retain(0)]
                public class Bad
                {
                    [Personal(PersonalDataCategory.Contact, Searchable = true)]
                    public int Phone { get; set; }
                }
            }
            """;

        var first = Assert.Single(ParseAll(GeneratorHarness.CreateCompilation(("Bad.cs", Source))));
        var second = Assert.Single(ParseAll(GeneratorHarness.CreateCompilation(("Bad.cs", Source))));

        Assert.Null(first.Model);
        // Three errors, and the warning that the entity has no [DataSubject].
        Assert.Equal(3, first.Diagnostics.Count(d => d.DescriptorId != "PRIV011"));
        Assert.Single(first.Diagnostics, d => d.DescriptorId == "PRIV011");
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_changed_property_gives_a_different_model()
    {
        var edited = EntitySources.All
            .Select(source => source.Path == "Ticket.cs" ? (source.Path, source.Source.Replace("Redact = true", "Redact = false", StringComparison.Ordinal)) : source)
            .ToArray();

        var first = ParseAll(GeneratorHarness.CreateCompilation(EntitySources.All));
        var second = ParseAll(GeneratorHarness.CreateCompilation(edited));

        Assert.NotEqual(first, second);
        Assert.Equal(first.Count - 1, first.Intersect(second).Count());
    }

    private static List<EntityParseResult> ParseAll(Compilation compilation)
    {
        var results = new List<EntityParseResult>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                    && HasPrivacyAttributes(type)
                    && EntityParser.Parse(type, CancellationToken.None) is { } result)
                {
                    results.Add(result);
                }
            }
        }

        return results;
    }

    private static bool HasPrivacyAttributes(INamedTypeSymbol type)
        => type.GetAttributes().Concat(type.GetMembers().SelectMany(member => member.GetAttributes()))
            .Any(attribute => PrivacyAttributeNames.KindOf(attribute) != PrivacyAttributeKind.None);

    private static void Walk(Type type, string path, HashSet<Type> visited, List<string> offending)
    {
        if (Forbidden.Any(forbidden => forbidden.IsAssignableFrom(type)))
        {
            offending.Add(path + ": " + type.FullName);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !visited.Add(type))
        {
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", visited, offending);
            return;
        }

        if (type == typeof(object) || type.IsInterface)
        {
            // A field typed object or interface could hold anything: models should not have one.
            offending.Add(path + ": " + type.FullName);
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Walk(argument, path + "<" + argument.Name + ">", visited, offending);
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.FieldType, path + "." + field.Name, visited, offending);
            }
        }
    }

    private sealed class HoldsASymbolInAnArray
    {
        public EquatableArray<string> Names { get; } = EquatableArray<string>.Empty;

        public ISymbol[] Symbols { get; } = [];
    }
}
