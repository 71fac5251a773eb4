using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Parsing;

/// <summary>Type names as the generated code writes them.</summary>
internal static class TypeNames
{
    /// <summary>
    /// The type as <c>typeof</c> takes it: <c>global::</c>-qualified, no nullable reference annotation. The keyword
    /// types most personal properties have are answered without building a display string.
    /// </summary>
    public static string TypeOf(ITypeSymbol type)
        => type.SpecialType switch
        {
            SpecialType.System_String => "string",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "long",
            _ => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        };
}
