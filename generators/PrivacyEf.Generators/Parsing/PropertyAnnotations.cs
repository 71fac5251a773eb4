using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// What the PrivacyEf attributes of one property say, read either from bound attributes or straight from the
/// syntax; locations only, no symbol, so both readers give the same values.
/// </summary>
internal sealed class PropertyAnnotations
{
    public static PropertyAnnotations Empty { get; } = new();

    public PersonalArguments? Personal { get; set; }

    public PurposeArguments? Purpose { get; set; }

    /// <summary>Where <c>[DataSubject]</c> is written, when it is.</summary>
    public LocationInfo? DataSubject { get; set; }

    public bool HasDataSubject { get; set; }

    /// <summary>The kind named by <c>[DataSubject(typeof(Customer))]</c>, <c>global::</c>-qualified; null for a bare <c>[DataSubject]</c>.</summary>
    public string? DataSubjectKind { get; set; }

    /// <summary>The name of the kind's entity in messages, and whether any of its properties is marked <c>[DataSubject]</c>.</summary>
    public (string Name, bool IsSubject)? DataSubjectKindFacts { get; set; }

    /// <summary>Where <c>[LegalHold]</c> is written, when it is.</summary>
    public LocationInfo? LegalHold { get; set; }

    public bool HasLegalHold { get; set; }

    /// <summary>An attribute the compiler already reports as broken: the entity is not generated from it.</summary>
    public bool IsBroken { get; set; }

    /// <summary>Where <c>[Personal]</c> is written without a category (the form kept for log generators), when it is.</summary>
    public LocationInfo? PersonalWithoutCategory { get; set; }

    public bool IsEmpty => Personal is null && Purpose is null && !HasDataSubject && !HasLegalHold && !IsBroken && PersonalWithoutCategory is null;
}

/// <summary>The arguments of <c>[Personal]</c>.</summary>
internal sealed record PersonalArguments(
    EnumValueModel Category,
    bool Encrypt,
    bool Searchable,
    EnumValueModel Mask,
    bool Redact,
    LocationInfo? Location);

/// <summary>The arguments of <c>[Purpose]</c>: the non-blank purposes, and whether every one was non-blank.</summary>
internal sealed record PurposeArguments(EquatableArray<string> Purposes, bool IsValid, LocationInfo? Location);
