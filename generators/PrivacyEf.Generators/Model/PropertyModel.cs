namespace PrivacyEf.Generators.Model;

/// <summary>A property marked <c>[Personal]</c>, with the purposes of its own <c>[Purpose]</c>.</summary>
/// <param name="Name">The CLR property name.</param>
/// <param name="TypeOfName">The property type as written inside <c>typeof(...)</c>, <c>global::</c>-qualified.</param>
internal sealed record PropertyModel(
    string Name,
    string TypeOfName,
    EnumValueModel Category,
    bool Encrypt,
    bool Searchable,
    EnumValueModel Mask,
    bool Redact,
    EquatableArray<string> Purposes);
