using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// Reads the PrivacyEf attributes of a property from its syntax, without binding them. Binding every attribute
/// of a large model is most of the generator's time (measured: see LargeModelTests), and the attributes are
/// nearly always written the same simple way. An attribute name is trusted only once a bound attribute with the
/// same name text in the same type declaration has shown what it binds to; anything else (an unknown name, an
/// argument that is not a literal or an enum member, a property declared elsewhere) makes the caller bind the
/// property's attributes instead, and <see cref="Learn"/> records what those bound to.
/// </summary>
internal sealed class SyntaxAnnotationReader
{
    private readonly Dictionary<(SyntaxNode Declaration, string Name), PrivacyAttributeKind> _known = new();
    private INamedTypeSymbol? _categoryType;
    private INamedTypeSymbol? _maskType;

    public bool TryRead(IPropertySymbol property, CancellationToken cancellationToken, out PropertyAnnotations annotations)
    {
        annotations = PropertyAnnotations.Empty;
        if (DeclarationOf(property, cancellationToken) is not ({ } syntax, { } declaration))
        {
            return false;
        }

        PropertyAnnotations? read = null;
        foreach (var list in syntax.AttributeLists)
        {
            if (list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.PropertyKeyword))
            {
                return false;
            }

            foreach (var attribute in list.Attributes)
            {
                if (!_known.TryGetValue((declaration, attribute.Name.ToString()), out var kind))
                {
                    return false;
                }

                if (kind != PrivacyAttributeKind.None && !TryRead(attribute, kind, read ??= new PropertyAnnotations()))
                {
                    return false;
                }
            }
        }

        annotations = read ?? PropertyAnnotations.Empty;
        return true;
    }

    /// <summary>Records what the attribute names written on <paramref name="property"/> bind to.</summary>
    public void Learn(IPropertySymbol property, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        if (DeclarationOf(property, cancellationToken) is not ({ } syntax, { } declaration))
        {
            return;
        }

        foreach (var attribute in attributes)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { Parent.Parent: { } owner } written
                || owner != syntax)
            {
                continue;
            }

            var kind = PrivacyAttributeNames.KindOf(attribute);
            _known[(declaration, written.Name.ToString())] = kind;
            if (kind == PrivacyAttributeKind.Personal && attribute.AttributeClass is { } personal)
            {
                _categoryType ??= attribute.AttributeConstructor?.Parameters is { Length: 1 } parameters ? parameters[0].Type as INamedTypeSymbol : null;
                foreach (var member in personal.GetMembers("Mask"))
                {
                    _maskType ??= (member as IPropertySymbol)?.Type as INamedTypeSymbol;
                }
            }
        }
    }

    private static (PropertyDeclarationSyntax? Syntax, TypeDeclarationSyntax? Declaration) DeclarationOf(IPropertySymbol property, CancellationToken cancellationToken)
        => property.DeclaringSyntaxReferences is { Length: 1 } references
           && references[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax { Parent: TypeDeclarationSyntax declaration } syntax
            ? (syntax, declaration)
            : (null, null);

    private bool TryRead(AttributeSyntax attribute, PrivacyAttributeKind kind, PropertyAnnotations annotations)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        switch (kind)
        {
            case PrivacyAttributeKind.DataSubject when arguments.Count == 0:
                annotations.HasDataSubject = true;
                annotations.DataSubject = LocationInfo.From(attribute.GetLocation());
                return true;
            case PrivacyAttributeKind.LegalHold when arguments.Count == 0:
                annotations.HasLegalHold = true;
                annotations.LegalHold = LocationInfo.From(attribute.GetLocation());
                return true;
            case PrivacyAttributeKind.Purpose:
                annotations.Purpose = ReadPurpose(attribute, arguments);
                return annotations.Purpose is not null;
            case PrivacyAttributeKind.Personal:
                annotations.Personal = ReadPersonal(attribute, arguments);
                return annotations.Personal is not null;
            default:
                return false;
        }
    }

    private static PurposeArguments? ReadPurpose(AttributeSyntax attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        if (arguments.Count == 0)
        {
            return null;
        }

        var purposes = ImmutableArray.CreateBuilder<string>(arguments.Count);
        var valid = true;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null
                || argument.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                return null;
            }

            var purpose = literal.Token.ValueText;
            if (string.IsNullOrWhiteSpace(purpose))
            {
                valid = false;
            }
            else
            {
                purposes.Add(purpose);
            }
        }

        return new PurposeArguments(purposes.ToImmutable().ToEquatableArray(), valid, LocationInfo.From(attribute.GetLocation()));
    }

    private PersonalArguments? ReadPersonal(AttributeSyntax attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        if (_categoryType is null || _maskType is null || arguments.Count == 0
            || arguments[0].NameEquals is not null || arguments[0].NameColon is not null
            || ReadEnum(arguments[0].Expression, _categoryType) is not { } category)
        {
            return null;
        }

        var encrypt = false;
        var searchable = false;
        var redact = false;
        var mask = new EnumValueModel("Default", 0);
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameEquals is not { } name)
            {
                return null;
            }

            switch (name.Name.Identifier.ValueText)
            {
                case "Encrypt" when ReadBool(argument.Expression) is { } value:
                    encrypt = value;
                    break;
                case "Searchable" when ReadBool(argument.Expression) is { } value:
                    searchable = value;
                    break;
                case "Redact" when ReadBool(argument.Expression) is { } value:
                    redact = value;
                    break;
                case "Mask" when ReadEnum(argument.Expression, _maskType) is { } value:
                    mask = value;
                    break;
                default:
                    return null;
            }
        }

        return new PersonalArguments(category, encrypt, searchable, mask, redact, LocationInfo.From(attribute.GetLocation()));
    }

    private static bool? ReadBool(ExpressionSyntax expression)
        => expression.RawKind switch
        {
            (int)SyntaxKind.TrueLiteralExpression => true,
            (int)SyntaxKind.FalseLiteralExpression => false,
            _ => null,
        };

    /// <summary><c>MaskStyle.Email</c>, qualified or not; null for any other expression.</summary>
    private static EnumValueModel? ReadEnum(ExpressionSyntax expression, INamedTypeSymbol enumType)
    {
        if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access)
        {
            return null;
        }

        var typeName = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        if (!string.Equals(typeName, enumType.Name, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var field in enumType.GetMembers(member.Identifier.ValueText))
        {
            if (field is IFieldSymbol { HasConstantValue: true, ConstantValue: int value })
            {
                return SemanticAnnotationReader.EnumValue(enumType, value);
            }
        }

        return null;
    }
}
