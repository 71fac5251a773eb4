using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// PRIV021: <c>[Personal(...)] public new string Email { get; set; }</c> in a class derived from one whose <c>Email</c> is
/// virtual (ASP.NET Core Identity's <c>IdentityUser</c>), or any <c>new</c> property over one that carries PrivacyEf
/// attributes, compiles silently, yet code typed as the base class (EF Core mapping the base, Identity's stores) reads
/// and writes the hidden property: what the new one declares is not what is stored, protected or used.
/// </summary>
internal static class HiddenPropertyCheck
{
    /// <summary>Syntax only, run on every edit: a property declared <c>new</c>.</summary>
    public static bool IsNewProperty(SyntaxNode node, CancellationToken cancellationToken) =>
        node is PropertyDeclarationSyntax property && property.Modifiers.Any(SyntaxKind.NewKeyword);

    public static DiagnosticInfo? Diagnose(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (PropertyDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { IsStatic: false } property)
        {
            return null;
        }

        for (var type = property.ContainingType.BaseType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(property.Name))
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } hidden)
                {
                    continue;
                }

                // Hiding a virtual property is a common, harmless idiom (EF Core's own DbContextOptionsExtensionInfo.Extension):
                // it matters here only when the hiding property carries the annotations that were meant for the base one.
                var why = IsAnnotated(hidden) ? "carries PrivacyEf attributes"
                    : (hidden.IsVirtual || hidden.IsAbstract || hidden.IsOverride) && IsAnnotated(property) ? "is virtual"
                    : null;
                return why is null
                    ? null
                    : DiagnosticInfo.Create(
                        DiagnosticDescriptors.NewPropertyHidesBaseProperty,
                        LocationInfo.From(declaration.Identifier.GetLocation()),
                        property.Name,
                        property.ContainingType.ToDisplayString(),
                        hidden.ContainingType.ToDisplayString(),
                        why);
            }
        }

        return null;
    }

    /// <summary>Whether the property, or a base property it overrides, has a PrivacyEf attribute.</summary>
    private static bool IsAnnotated(IPropertySymbol property)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (PrivacyAttributeNames.KindOf(attribute) != PrivacyAttributeKind.None)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
