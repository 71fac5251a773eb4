namespace PrivacyEf.Kernel;

/// <summary>
/// The names of the model annotations that carry fluent privacy declarations until the model is finalized, and of the
/// runtime annotation that carries each entity type's merged metadata afterwards.
/// </summary>
internal static class PrivacyAnnotationNames
{
    private const string Prefix = "PrivacyEf:";

    /// <summary>On a property: a <see cref="PersonalDeclaration"/>.</summary>
    public const string Personal = Prefix + "Personal";

    /// <summary>On a property or an entity type: the purposes, a string array.</summary>
    public const string Purposes = Prefix + "Purposes";

    /// <summary>On an entity type: a <see cref="DataSubjectDeclaration"/>.</summary>
    public const string DataSubject = Prefix + "DataSubject";

    /// <summary>On an entity type: the name of the legal-hold flag.</summary>
    public const string LegalHold = Prefix + "LegalHold";

    /// <summary>On an entity type: a retention rule (<see cref="Internal.RetentionMetadata"/>).</summary>
    public const string Retention = Prefix + "Retention";

    /// <summary>A runtime annotation on every entity type of a finalized model: its merged <see cref="Internal.PrivacyEntityMetadata"/>.</summary>
    public const string Metadata = Prefix + "Metadata";

    /// <summary>The annotations that hold fluent declarations, removed once merged so they never reach a migration snapshot.</summary>
    public static IReadOnlyList<string> Declarations { get; } = [Personal, Purposes, DataSubject, LegalHold, Retention];
}
