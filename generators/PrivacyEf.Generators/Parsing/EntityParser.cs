using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// Turns an annotated type into an <see cref="EntityParseResult"/>: plain, equatable values with no symbol,
/// syntax node or location left in them, so later steps can be cached across compilations. This class decides
/// which site parses a type and whether the type's shape can be an entity; <see cref="TypeParser"/> reads it.
/// </summary>
internal static class EntityParser
{
    private static readonly PrivacyAttributeKind[] PropertySitePriority =
    [
        PrivacyAttributeKind.Personal,
        PrivacyAttributeKind.DataSubject,
        PrivacyAttributeKind.LegalHold,
        PrivacyAttributeKind.Purpose,
    ];

    /// <summary>
    /// Parses the type that owns the attribute <paramref name="context"/> found, but only from one of the
    /// type's attribute sites (its representative site), so a type with many annotated properties is parsed
    /// once per compilation, not once per attribute. Every other site yields null.
    /// </summary>
    public static EntityParseResult? ParseFromAttributeSite(
        GeneratorAttributeSyntaxContext context,
        PrivacyAttributeKind kind,
        CancellationToken cancellationToken)
    {
        var target = context.TargetSymbol switch
        {
            IPropertySymbol { PartialDefinitionPart: { } definition } => definition,
            var symbol => symbol,
        };

        var type = target as INamedTypeSymbol ?? target.ContainingType;
        if (type is null)
        {
            return null;
        }

        var site = FindRepresentativeSite(type, cancellationToken);
        if (site.Kind != kind || !SymbolEqualityComparer.Default.Equals(site.Symbol, target))
        {
            return null;
        }

        return Parse(type, cancellationToken);
    }

    /// <summary>
    /// Parses a record whose only PrivacyEf attributes are on the properties of its positional parameters,
    /// which no attribute finder reports; a record with any other annotated site is parsed from that site.
    /// </summary>
    public static EntityParseResult? ParseFromPositionalRecord(Compilation compilation, string metadataName, CancellationToken cancellationToken)
    {
        if (compilation.Assembly.GetTypeByMetadataName(metadataName) is not { } type
            || FindRepresentativeSite(type, cancellationToken).Kind != PrivacyAttributeKind.None)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && KindsOf(property).Count > 0)
            {
                return Parse(type, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Parses <paramref name="type"/>. A type that can never be an entity gives an error, since its annotations
    /// would otherwise protect nothing without a word; an abstract generic class gives null: it is read through
    /// the non-generic entities derived from it.
    /// </summary>
    public static EntityParseResult? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (UnsupportedShape(type) is { } shape)
        {
            return shape.Length == 0 ? null : Unsupported(type, shape);
        }

        return new TypeParser(type).Parse(cancellationToken);
    }

    /// <summary>Null for a class that can be an entity; empty for an abstract generic class; else why not.</summary>
    private static string? UnsupportedShape(INamedTypeSymbol type)
    {
        switch (type.TypeKind)
        {
            case TypeKind.Struct:
                return "struct";
            case TypeKind.Interface:
                return "interface";
            case TypeKind.Class when type.IsStatic:
                return "static class";
            case TypeKind.Class:
                break;
            default:
                return string.Empty;
        }

        // An abstract generic class is a base: its attributes are read through each non-generic entity derived from it.
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return type.IsAbstract && type.ContainingType is null ? string.Empty : "generic";
            }
        }

        return null;
    }

    private static EntityParseResult Unsupported(INamedTypeSymbol type, string shape)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var location = LocationInfo.From(type.Locations.IsEmpty ? null : type.Locations[0]);
        var diagnostic = shape == "generic"
            ? DiagnosticInfo.Create(DiagnosticDescriptors.GenericEntity, location, name)
            : DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedEntityShape, location, name, shape);
        return new EntityParseResult(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            null,
            new[] { diagnostic }.ToEquatableArray());
    }

    private static (ISymbol? Symbol, PrivacyAttributeKind Kind) FindRepresentativeSite(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var classKinds = KindsOf(type);
        if (classKinds.Contains(PrivacyAttributeKind.Retain))
        {
            return (type, PrivacyAttributeKind.Retain);
        }

        if (classKinds.Contains(PrivacyAttributeKind.Purpose))
        {
            return (type, PrivacyAttributeKind.Purpose);
        }

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property || !IsDeclaredAsProperty(property, cancellationToken))
            {
                continue;
            }

            var kinds = KindsOf(property);
            foreach (var kind in PropertySitePriority)
            {
                if (kinds.Contains(kind))
                {
                    return (property, kind);
                }
            }
        }

        return (null, PrivacyAttributeKind.None);
    }

    /// <summary>
    /// Whether the attribute finder visits this property: an instance property (or any property of a static class)
    /// written as a property declaration (not an indexer, not a positional record parameter).
    /// </summary>
    private static bool IsDeclaredAsProperty(IPropertySymbol property, CancellationToken cancellationToken)
    {
        // A static class has static properties only; it is still a site, so that its annotations get reported.
        if ((property.IsStatic && !property.ContainingType.IsStatic) || property.IsIndexer)
        {
            return false;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<PrivacyAttributeKind> KindsOf(ISymbol symbol)
    {
        var kinds = new HashSet<PrivacyAttributeKind>();
        foreach (var attribute in symbol.GetAttributes())
        {
            var kind = PrivacyAttributeNames.KindOf(attribute);
            if (kind != PrivacyAttributeKind.None)
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }
}
