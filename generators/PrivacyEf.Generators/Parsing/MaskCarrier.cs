using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// Which entities the generator can give a slot for the masks the read guard puts on them: a class every declaration of
/// which is <c>partial</c>, at namespace level and not generic. A record is left out, because its synthesized equality
/// would compare the slot too; those entities keep their masks in the runtime's weak table instead.
/// </summary>
internal static class MaskCarrier
{
    /// <summary>The name of the generated field that holds the masks.</summary>
    public const string FieldName = "privacyEfMasks";

    public static bool CanCarry(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsRecord || type.IsStatic || type.IsGenericType || type.ContainingType is not null)
        {
            return false;
        }

        // A member of the slot's name, or the interface implemented already, would make the generated part fail to compile.
        if (!type.GetMembers(FieldName).IsEmpty)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name == "IPrivacyMaskCarrier" && implemented.ContainingNamespace?.ToDisplayString() == "PrivacyEf.Internal")
            {
                return false;
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return type.DeclaringSyntaxReferences.Length > 0;
    }
}
