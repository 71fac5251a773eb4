using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>Reads the PrivacyEf attributes of a symbol from its bound attributes: always right, and the slow way.</summary>
internal static class SemanticAnnotationReader
{
    public static PropertyAnnotations Read(ImmutableArray<AttributeData> attributes)
    {
        PropertyAnnotations? annotations = null;
        foreach (var attribute in attributes)
        {
            var kind = PrivacyAttributeNames.KindOf(attribute);
            if (kind == PrivacyAttributeKind.None)
            {
                continue;
            }

            annotations ??= new PropertyAnnotations();
            switch (kind)
            {
                case PrivacyAttributeKind.Personal when attribute.AttributeConstructor is { Parameters.Length: 0 }:
                    annotations.PersonalWithoutCategory = LocationInfo.From(attribute);
                    break;
                case PrivacyAttributeKind.Personal:
                    annotations.Personal = ReadPersonal(attribute);
                    annotations.IsBroken |= annotations.Personal is null;
                    break;
                case PrivacyAttributeKind.Purpose:
                    annotations.Purpose = ReadPurpose(attribute);
                    annotations.IsBroken |= annotations.Purpose is null;
                    break;
                case PrivacyAttributeKind.DataSubject:
                    annotations.HasDataSubject = true;
                    annotations.DataSubject = LocationInfo.From(attribute);
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol subjectKind)
                    {
                        annotations.DataSubjectKind = subjectKind.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                        annotations.DataSubjectKindFacts = (subjectKind.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), DataSubjectKinds.HasSubjectProperty(subjectKind));
                    }

                    break;
                case PrivacyAttributeKind.LegalHold:
                    annotations.HasLegalHold = true;
                    annotations.LegalHold = LocationInfo.From(attribute);
                    break;
            }
        }

        return annotations ?? PropertyAnnotations.Empty;
    }

    /// <summary>Null when the compiler already reports the attribute as broken.</summary>
    public static PersonalArguments? ReadPersonal(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var encrypt = false;
        var searchable = false;
        var redact = false;
        var mask = new EnumValueModel("Default", 0);
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Encrypt":
                    encrypt = argument.Value.Value is true;
                    break;
                case "Searchable":
                    searchable = argument.Value.Value is true;
                    break;
                case "Redact":
                    redact = argument.Value.Value is true;
                    break;
                case "Mask":
                    mask = ReadEnum(argument.Value);
                    break;
            }
        }

        return new PersonalArguments(ReadEnum(attribute.ConstructorArguments[0]), encrypt, searchable, mask, redact, LocationInfo.From(attribute));
    }

    /// <summary>Null when the compiler already reports the attribute as broken.</summary>
    public static PurposeArguments? ReadPurpose(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var argument = attribute.ConstructorArguments[0];
        var purposes = ImmutableArray.CreateBuilder<string>();
        var valid = argument.Kind == TypedConstantKind.Array && !argument.IsNull && argument.Values.Length > 0;
        if (valid)
        {
            foreach (var value in argument.Values)
            {
                if (value.Value is string purpose && !string.IsNullOrWhiteSpace(purpose))
                {
                    purposes.Add(purpose);
                }
                else
                {
                    valid = false;
                }
            }
        }

        return new PurposeArguments(purposes.ToImmutable().ToEquatableArray(), valid, LocationInfo.From(attribute));
    }

    public static EnumValueModel ReadEnum(TypedConstant constant)
    {
        var value = constant.Value is null ? 0 : Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
        return constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            ? EnumValue(enumType, value)
            : new EnumValueModel(null, value);
    }

    /// <summary>The first member of <paramref name="enumType"/> with the value, as the compiler would name it.</summary>
    public static EnumValueModel EnumValue(INamedTypeSymbol enumType, int value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field
                && Convert.ToInt32(field.ConstantValue, CultureInfo.InvariantCulture) == value)
            {
                return new EnumValueModel(field.Name, value);
            }
        }

        return new EnumValueModel(null, value);
    }
}
