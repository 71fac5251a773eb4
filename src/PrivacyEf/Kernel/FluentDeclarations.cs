using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// The fluent privacy declarations that apply to one entity type: those on its properties (inherited ones included) and
/// those on the type or, when it declares none, on its nearest base type that does.
/// </summary>
internal sealed class FluentDeclarations
{
    private FluentDeclarations(IReadOnlyEntityType entityType)
    {
        foreach (var property in entityType.GetProperties())
        {
            var personal = property.FindAnnotation(PrivacyAnnotationNames.Personal)?.Value as PersonalDeclaration;
            var purposes = property.FindAnnotation(PrivacyAnnotationNames.Purposes)?.Value as string[];
            if (personal is not null || purposes is not null)
            {
                Properties.Add(new FluentProperty(property, personal, purposes));
                HasOwn |= property.DeclaringType == entityType;
            }
        }

        for (var type = entityType; type is not null; type = type.BaseType)
        {
            var own = type == entityType;
            Purposes ??= Take<string[]>(type, PrivacyAnnotationNames.Purposes, own);
            DataSubject ??= Take<DataSubjectDeclaration>(type, PrivacyAnnotationNames.DataSubject, own);
            LegalHold ??= Take<string>(type, PrivacyAnnotationNames.LegalHold, own);
            Retention ??= Take<RetentionMetadata>(type, PrivacyAnnotationNames.Retention, own);
        }
    }

    /// <summary>The declarations on properties.</summary>
    public List<FluentProperty> Properties { get; } = [];

    public string[]? Purposes { get; }

    public DataSubjectDeclaration? DataSubject { get; }

    public string? LegalHold { get; }

    public RetentionMetadata? Retention { get; }

    /// <summary>Whether any declaration is made on the entity type itself or on a property it declares (not only inherited).</summary>
    public bool HasOwn { get; private set; }

    public bool IsEmpty => Properties.Count == 0 && Purposes is null && DataSubject is null && LegalHold is null && Retention is null;

    public static FluentDeclarations Of(IReadOnlyEntityType entityType) => new(entityType);

    private T? Take<T>(IReadOnlyEntityType type, string annotation, bool own)
        where T : class
    {
        var value = type.FindAnnotation(annotation)?.Value as T;
        HasOwn |= own && value is not null;
        return value;
    }
}
