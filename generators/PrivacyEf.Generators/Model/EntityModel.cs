namespace PrivacyEf.Generators.Model;

/// <summary>Everything the emitters need to write one entity's <c>{TypeName}Privacy</c> class.</summary>
/// <param name="Namespace">The entity's namespace; empty for the global namespace.</param>
/// <param name="FullyQualifiedTypeName">The entity type, <c>global::</c>-qualified.</param>
/// <param name="GeneratedClassName">The generated class name: <c>TicketPrivacy</c>, or <c>Outer_InnerPrivacy</c> for a nested type.</param>
/// <param name="IsPublic">Whether the entity is visible outside its assembly, so the generated class can be public.</param>
/// <param name="CarriesMasks">Whether the entity is a top-level partial class, so the generator can give it a slot for its masks.</param>
internal sealed record EntityModel(
    string Namespace,
    string FullyQualifiedTypeName,
    string GeneratedClassName,
    bool IsPublic,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<string> Purposes,
    RetentionModel? Retention,
    string? DataSubjectProperty,
    string? LegalHoldProperty,
    bool CarriesMasks)
{
    /// <summary>The kind of data subject <see cref="DataSubjectProperty"/> links to, <c>global::</c>-qualified; null when not named.</summary>
    public string? DataSubjectKind { get; init; }

    /// <summary>Whether the entity is a kind of data subject: the person, whose own key is marked <c>[DataSubject]</c>.</summary>
    public bool IsSubjectKind { get; init; }

    /// <summary>
    /// Whether a bare <c>[DataSubject]</c> links the rows to another entity with no navigation to a kind of data
    /// subject: with several kinds in the project, nothing tells which one it means. A flag, not a location, so that
    /// an edit elsewhere in the file leaves the model equal.
    /// </summary>
    public bool HasLinkWithoutKind { get; init; }

    public string FullyQualifiedGeneratedClassName => Namespace.Length == 0
        ? "global::" + GeneratedClassName
        : "global::" + Namespace + "." + GeneratedClassName;

    public string HintName => Namespace.Length == 0
        ? GeneratedClassName + ".g.cs"
        : Namespace + "." + GeneratedClassName + ".g.cs";
}
