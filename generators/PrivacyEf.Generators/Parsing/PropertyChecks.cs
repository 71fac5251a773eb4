using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>The checks of a personal property that look beyond its own attribute: keys, and what a mask can show.</summary>
internal sealed class PropertyChecks
{
    private readonly INamedTypeSymbol _type;
    private HashSet<string>? _primaryKeyNames;

    public PropertyChecks(INamedTypeSymbol type)
    {
        _type = type;
    }

    /// <summary>
    /// What the property is that rows are found by, or null: the key (named <c>Id</c> or <c>{Type}Id</c> as EF
    /// Core's convention reads it, marked <c>[Key]</c>, or named by <c>[PrimaryKey]</c>) or the data subject.
    /// </summary>
    public string? KeyRole(IPropertySymbol property, bool isDataSubject, CancellationToken cancellationToken)
    {
        if (IsKey(property, cancellationToken))
        {
            return "the entity's key";
        }

        return isDataSubject ? "the entity's [DataSubject]" : null;
    }

    /// <summary>
    /// Null when <paramref name="mask"/> can apply to <paramref name="type"/>; else what it applies to. The
    /// masks that rewrite text (Email, Last4, Initials, Redacted, Pseudonym) need a string; YearOnly needs a date,
    /// a date string or a year. At run time a mask that does not fit withholds the value instead, so the mask
    /// a reader sees, and the one the inventory declares, would not be the one written here.
    /// </summary>
    public static string? MaskFitsOnly(EnumValueModel mask, ITypeSymbol type)
        => mask.MemberName switch
        {
            "Email" or "Last4" or "Initials" or "Redacted" or "Pseudonym" when !TypeFacts.IsString(type) => "string properties",
            "YearOnly" when !TypeFacts.CanShowYear(type) => "DateTime, DateTimeOffset, DateOnly, string (a date) and int (a year) properties",
            _ => null,
        };

    private bool IsKey(IPropertySymbol property, CancellationToken cancellationToken)
    {
        var declaringTypeName = property.ContainingType.Name;
        if (string.Equals(property.Name, "Id", StringComparison.OrdinalIgnoreCase)
            || (property.Name.Length == declaringTypeName.Length + 2
                && property.Name.StartsWith(declaringTypeName, StringComparison.OrdinalIgnoreCase)
                && property.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return PrimaryKeyNames().Contains(property.Name) || HasKeyAttribute(property, cancellationToken);
    }

    /// <summary>
    /// Whether the property has <c>[Key]</c>. Its attributes are bound only when one is written with that name:
    /// binding every encrypted property's attributes again would cost what reading them from syntax saved.
    /// </summary>
    private static bool HasKeyAttribute(IPropertySymbol property, CancellationToken cancellationToken)
    {
        var mayHaveKey = property.DeclaringSyntaxReferences.IsEmpty;
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax syntax)
            {
                mayHaveKey = true;
                continue;
            }

            foreach (var list in syntax.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name.ToString();
                    mayHaveKey |= name.EndsWith("Key", StringComparison.Ordinal) || name.EndsWith("KeyAttribute", StringComparison.Ordinal);
                }
            }
        }

        if (!mayHaveKey)
        {
            return false;
        }

        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "KeyAttribute", ContainingNamespace: { Name: "DataAnnotations", ContainingNamespace: { Name: "ComponentModel", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The properties EF Core's <c>[PrimaryKey]</c> names on the entity or a base class.</summary>
    private HashSet<string> PrimaryKeyNames()
    {
        if (_primaryKeyNames is not null)
        {
            return _primaryKeyNames;
        }

        _primaryKeyNames = new HashSet<string>(StringComparer.Ordinal);
        for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is not { Name: "PrimaryKeyAttribute", ContainingNamespace: { Name: "EntityFrameworkCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } })
                {
                    continue;
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        foreach (var value in argument.Values)
                        {
                            AddName(value.Value);
                        }
                    }
                    else
                    {
                        AddName(argument.Value);
                    }
                }
            }
        }

        return _primaryKeyNames;

        void AddName(object? value)
        {
            if (value is string name)
            {
                _primaryKeyNames!.Add(name);
            }
        }
    }
}
