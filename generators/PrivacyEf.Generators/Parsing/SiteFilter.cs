using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// The syntax filters of the attribute finders. A property goes on to the semantic step only if it is the first
/// property of its type declaration to carry the attribute under that name: a type is parsed once, from one site,
/// and every site the finder passes costs a symbol and the binding of all its attributes. A later property with
/// the same attribute name text binds to the same attribute, so dropping it loses no type. A property whose
/// attribute is written under another name (a using alias) always goes on.
/// </summary>
internal static class SiteFilter
{
    public static bool IsPersonalSite(SyntaxNode node, CancellationToken cancellationToken) => IsFirstPropertyWith(node, "Personal");

    public static bool IsDataSubjectSite(SyntaxNode node, CancellationToken cancellationToken) => IsFirstPropertyWith(node, "DataSubject");

    public static bool IsLegalHoldSite(SyntaxNode node, CancellationToken cancellationToken) => IsFirstPropertyWith(node, "LegalHold");

    public static bool IsPurposeSite(SyntaxNode node, CancellationToken cancellationToken)
        => IsClassOrRecord(node) || IsFirstPropertyWith(node, "Purpose");

    public static bool IsTypeDeclaration(SyntaxNode node, CancellationToken cancellationToken) => IsClassOrRecord(node);

    /// <summary>A parameter of a record's primary constructor, which is also the property of that name.</summary>
    public static bool IsPositionalRecordParameter(SyntaxNode node, CancellationToken cancellationToken)
        => node is ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } };

    private static bool IsClassOrRecord(SyntaxNode node) => node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    private static bool IsFirstPropertyWith(SyntaxNode node, string attributeName)
    {
        if (node is not PropertyDeclarationSyntax property)
        {
            return false;
        }

        if (property.Parent is not TypeDeclarationSyntax type)
        {
            return true;
        }

        foreach (var member in type.Members)
        {
            if (member == property)
            {
                return true;
            }

            if (member is PropertyDeclarationSyntax earlier && IsSiteCandidate(earlier) && SharesAttributeName(property, earlier, attributeName))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only an instance property can be the site a type is parsed from.</summary>
    private static bool IsSiteCandidate(PropertyDeclarationSyntax property)
    {
        foreach (var modifier in property.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.StaticKeyword) || modifier.IsKind(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SharesAttributeName(PropertyDeclarationSyntax property, PropertyDeclarationSyntax earlier, string attributeName)
    {
        foreach (var list in property.AttributeLists)
        {
            if (!AppliesToProperty(list))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (NamesAttribute(attribute.Name, attributeName) && CarriesName(earlier, attribute.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CarriesName(PropertyDeclarationSyntax property, NameSyntax name)
    {
        foreach (var list in property.AttributeLists)
        {
            if (!AppliesToProperty(list))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (SyntaxFactory.AreEquivalent(attribute.Name, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AppliesToProperty(AttributeListSyntax list)
        => list.Target is null || list.Target.Identifier.IsKind(SyntaxKind.PropertyKeyword);

    /// <summary>Whether the name, as written, is <paramref name="attributeName"/> or its <c>Attribute</c> form, qualified or not.</summary>
    private static bool NamesAttribute(NameSyntax name, string attributeName)
    {
        var rightmost = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        return rightmost == attributeName || rightmost == attributeName + "Attribute";
    }
}
