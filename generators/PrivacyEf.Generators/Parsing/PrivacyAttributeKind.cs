using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Parsing;

/// <summary>The PrivacyEf attributes the generator reads.</summary>
internal enum PrivacyAttributeKind
{
    None,
    Personal,
    DataSubject,
    LegalHold,
    Purpose,
    Retain,
}

internal static class PrivacyAttributeNames
{
    public const string Personal = "PrivacyEf.PersonalAttribute";
    public const string DataSubject = "PrivacyEf.DataSubjectAttribute";
    public const string LegalHold = "PrivacyEf.LegalHoldAttribute";
    public const string Purpose = "PrivacyEf.PurposeAttribute";
    public const string Retain = "PrivacyEf.RetainAttribute";
    public const string Registry = "PrivacyEf.Internal.PrivacyRegistry";

    /// <summary>Which PrivacyEf attribute <paramref name="attribute"/> is, without building its display string.</summary>
    public static PrivacyAttributeKind KindOf(AttributeData attribute)
    {
        var attributeClass = attribute.AttributeClass;
        if (attributeClass is null
            || attributeClass.ContainingType is not null
            || attributeClass.ContainingNamespace is not { Name: "PrivacyEf", ContainingNamespace.IsGlobalNamespace: true })
        {
            return PrivacyAttributeKind.None;
        }

        return attributeClass.Name switch
        {
            "PersonalAttribute" => PrivacyAttributeKind.Personal,
            "DataSubjectAttribute" => PrivacyAttributeKind.DataSubject,
            "LegalHoldAttribute" => PrivacyAttributeKind.LegalHold,
            "PurposeAttribute" => PrivacyAttributeKind.Purpose,
            "RetainAttribute" => PrivacyAttributeKind.Retain,
            _ => PrivacyAttributeKind.None,
        };
    }
}
