using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Parsing;

/// <summary>What the diagnostics need to know about a property's type.</summary>
internal static class TypeFacts
{
    public static bool IsString(ITypeSymbol type) => type.SpecialType == SpecialType.System_String;

    public static bool IsStringOrBytes(ITypeSymbol type)
        => IsString(type) || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

    /// <summary>DateTime or DateTimeOffset, nullable allowed: what a retention period can count from.</summary>
    public static bool IsDateOrNullableDate(ITypeSymbol type)
    {
        type = WithoutNullable(type);
        return type.SpecialType == SpecialType.System_DateTime || IsSystemType(type, "DateTimeOffset");
    }

    /// <summary>
    /// What <c>MaskStyle.YearOnly</c> can show the year of: a DateTime, DateTimeOffset or DateOnly (masked to
    /// January 1st of its year), a string holding a date (masked to the year's digits), or an int that is already
    /// a year. Nullable allowed.
    /// </summary>
    public static bool CanShowYear(ITypeSymbol type)
    {
        type = WithoutNullable(type);
        return type.SpecialType is SpecialType.System_DateTime or SpecialType.System_String or SpecialType.System_Int32
               || IsSystemType(type, "DateTimeOffset")
               || IsSystemType(type, "DateOnly");
    }

    /// <summary>
    /// Whether the property is a navigation: its type is a class declared in source (an entity or an owned type)
    /// or a collection of one. Classes from referenced assemblies (Uri, IPAddress, a spatial Point, JsonDocument)
    /// are left out: providers map many of them as values, and an error there would be a false alarm.
    /// </summary>
    /// <returns>The class the navigation leads to (the element type of a collection), or null.</returns>
    public static ITypeSymbol? NavigationTarget(ITypeSymbol type)
    {
        if (IsEntityLikeClass(type))
        {
            return type;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsEntityLikeClass(array.ElementType) ? array.ElementType : null;
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Interface)
        {
            return null;
        }

        if (EntityOfEnumerable(type) is { } element)
        {
            return element;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (EntityOfEnumerable(implemented) is { } implementedElement)
            {
                return implementedElement;
            }
        }

        return null;
    }

    public static ITypeSymbol WithoutNullable(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static ITypeSymbol? EntityOfEnumerable(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable
           && IsEntityLikeClass(enumerable.TypeArguments[0])
            ? enumerable.TypeArguments[0]
            : null;

    private static bool IsEntityLikeClass(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None, DeclaringSyntaxReferences.IsEmpty: false };

    private static bool IsSystemType(ITypeSymbol type, string name)
        => type is INamedTypeSymbol { ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
           && named.Name == name;
}
