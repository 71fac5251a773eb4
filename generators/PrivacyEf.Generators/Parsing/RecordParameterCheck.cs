using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// PRIV018: <c>record Contact(int Id, [Personal(...)] string Email)</c> classifies the constructor parameter only,
/// since <c>[Personal]</c> may stand on parameters (for log redaction); the property <c>Email</c> is not personal, and
/// nothing would protect it. The finder reports parameters only, so <c>[property: Personal(...)]</c> never gets here.
/// </summary>
internal static class RecordParameterCheck
{
    public static DiagnosticInfo Diagnose(GeneratorAttributeSyntaxContext context)
    {
        var parameter = context.TargetSymbol;
        var record = parameter.ContainingSymbol?.ContainingType;
        return DiagnosticInfo.Create(
            DiagnosticDescriptors.PersonalOnRecordParameter,
            LocationInfo.From(context.Attributes[0]),
            parameter.Name,
            record?.ToDisplayString() ?? parameter.ContainingSymbol?.Name ?? string.Empty);
    }
}
