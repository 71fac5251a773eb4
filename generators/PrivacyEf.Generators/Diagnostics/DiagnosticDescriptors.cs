using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: a released ID never changes meaning
/// (see AnalyzerReleases.Shipped.md). An entity with any of these errors is not generated; warnings
/// (PRIV011, PRIV021) leave it generated.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PrivacyEf";

    /// <summary>{0} property, {1} entity, {2} property type.</summary>
    public static readonly DiagnosticDescriptor EncryptUnsupportedType = Create(
        "PRIV001",
        "Encrypt needs a string or byte[] property",
        "Property '{0}' of entity '{1}' is of type '{2}' and cannot be encrypted; Encrypt = true is allowed on string and byte[] properties only");

    /// <summary>{0} property, {1} entity.</summary>
    public static readonly DiagnosticDescriptor SearchableWithoutEncrypt = Create(
        "PRIV002",
        "Searchable needs Encrypt",
        "Property '{0}' of entity '{1}' is Searchable but not encrypted; a blind index only exists beside a ciphertext, so set Encrypt = true or remove Searchable");

    /// <summary>{0} entity, {1} the From value as written (a quoted name, or null).</summary>
    public static readonly DiagnosticDescriptor RetainFromNotFound = Create(
        "PRIV003",
        "[Retain] From must name a property of the entity",
        "[Retain] on entity '{0}' has From = {1}, which names no property of the entity; set From to the DateTime or DateTimeOffset property the period counts from (for example From = nameof(ClosedAt))");

    /// <summary>{0} entity, {1} property, {2} property type.</summary>
    public static readonly DiagnosticDescriptor RetainFromNotDate = Create(
        "PRIV004",
        "[Retain] From must name a DateTime or DateTimeOffset property",
        "[Retain] on entity '{0}' counts from property '{1}' of type '{2}'; From must name a DateTime or DateTimeOffset property (nullable allowed)");

    /// <summary>{0} entity, {1} days.</summary>
    public static readonly DiagnosticDescriptor RetainDaysNotPositive = Create(
        "PRIV005",
        "[Retain] days must be positive",
        "[Retain] on entity '{0}' keeps rows for {1} days; the retention period must be at least one day");

    /// <summary>{0} property, {1} entity, {2} property type.</summary>
    public static readonly DiagnosticDescriptor RedactUnsupportedType = Create(
        "PRIV006",
        "Redact needs a string property",
        "Property '{0}' of entity '{1}' is of type '{2}' and cannot be redacted; Redact = true is allowed on string properties only");

    /// <summary>{0} where the attribute is ("property 'X' of entity 'Y'" or "entity 'Y'").</summary>
    public static readonly DiagnosticDescriptor PurposeEmpty = Create(
        "PRIV007",
        "[Purpose] must list non-blank purposes",
        "[Purpose] on {0} must list at least one purpose, and no purpose may be null or blank");

    /// <summary>{0} property, {1} entity, {2} property type.</summary>
    public static readonly DiagnosticDescriptor LegalHoldNotBool = Create(
        "PRIV008",
        "[LegalHold] needs a bool property",
        "[LegalHold] property '{0}' of entity '{1}' is of type '{2}'; a legal hold must be a non-nullable bool property");

    /// <summary>{0} property, {1} entity, {2} the other property.</summary>
    public static readonly DiagnosticDescriptor DuplicateDataSubject = Create(
        "PRIV009",
        "Only one [DataSubject] property per entity",
        "Property '{0}' of entity '{1}' is marked [DataSubject], but '{2}' already is; an entity has one data subject property");

    /// <summary>{0} property, {1} entity, {2} the other property.</summary>
    public static readonly DiagnosticDescriptor DuplicateLegalHold = Create(
        "PRIV010",
        "Only one [LegalHold] property per entity",
        "Property '{0}' of entity '{1}' is marked [LegalHold], but '{2}' already is; an entity has one legal hold property");

    /// <summary>{0} entity.</summary>
    public static readonly DiagnosticDescriptor MissingDataSubject = new(
        "PRIV011",
        "Personal data without a [DataSubject]",
        "Entity '{0}' holds personal data but no property is marked [DataSubject], so its rows cannot be found for an export or erasure request; mark the property that identifies the person (its own key, or the foreign key to the person); a type owned by an entity that has one needs none when marked [Owned]",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>{0} property, {1} entity, {2} the class the navigation leads to.</summary>
    public static readonly DiagnosticDescriptor PersonalOnNavigation = Create(
        "PRIV012",
        "[Personal] cannot mark a navigation",
        "Property '{0}' of entity '{1}' is a navigation to '{2}', and a navigation holds no value to encrypt, mask or erase; remove [Personal] here and annotate the personal properties of '{2}' itself");

    /// <summary>{0} property, {1} entity, {2} what rows are found by it ("the entity's key" or "the entity's [DataSubject]").</summary>
    public static readonly DiagnosticDescriptor EncryptOnKey = Create(
        "PRIV013",
        "Encrypt cannot apply to a key or a [DataSubject]",
        "Property '{0}' of entity '{1}' is {2} and cannot be encrypted: rows are found, exported and erased through it, and a ciphertext is new at every write, so such rows could never be found again; remove Encrypt = true from it");

    /// <summary>{0} property, {1} entity, {2} property type.</summary>
    public static readonly DiagnosticDescriptor SearchableNotString = Create(
        "PRIV014",
        "Searchable needs a string property",
        "Property '{0}' of entity '{1}' is of type '{2}' and cannot be searchable; a blind index is computed from normalized text, so Searchable = true is allowed on string properties only");

    /// <summary>
    /// {0} property, {1} entity, {2} property type, {3} mask, {4} the types the mask applies to. An error, not a
    /// warning: at run time a mask that does not fit the type withholds the value, so what readers see, and what
    /// the inventory declares, would silently differ from the mask written here.
    /// </summary>
    public static readonly DiagnosticDescriptor MaskUnsupportedType = Create(
        "PRIV015",
        "The mask does not fit the property's type",
        "Property '{0}' of entity '{1}' is of type '{2}', and MaskStyle.{3} applies to {4} only; choose a mask that fits the type (MaskStyle.Hidden fits any type)");

    /// <summary>{0} type, {1} its kind (struct, interface, static class).</summary>
    public static readonly DiagnosticDescriptor UnsupportedEntityShape = Create(
        "PRIV016",
        "PrivacyEf annotations on a type that cannot be an entity",
        "'{0}' is a {1} with PrivacyEf annotations, but PrivacyEf protects the properties of entity classes only, so nothing would protect these; make '{0}' a class or move its annotated properties to one");

    /// <summary>{0} type.</summary>
    public static readonly DiagnosticDescriptor GenericEntity = Create(
        "PRIV017",
        "PrivacyEf annotations on a generic entity",
        "'{0}' is generic, or nested in a generic type, and has PrivacyEf annotations; the generator cannot describe an open generic type, so an entity built from it would not be protected; make it non-generic, or an abstract base class of non-generic entities that carry annotations of their own");

    /// <summary>{0} parameter, {1} record.</summary>
    public static readonly DiagnosticDescriptor PersonalOnRecordParameter = Create(
        "PRIV018",
        "[Personal] on a positional record parameter must target the property",
        "[Personal] on parameter '{0}' of record '{1}' applies to the constructor parameter only, so property '{0}' would not be personal; write [property: Personal(...)]");

    /// <summary>{0} property, {1} entity.</summary>
    public static readonly DiagnosticDescriptor PersonalWithoutCategory = Create(
        "PRIV019",
        "[Personal] on an entity property needs a category",
        "[Personal] on property '{0}' of entity '{1}' names no category; the form without arguments exists only for log generators that create classification attributes themselves, so write [Personal(PersonalDataCategory.X)]");

    /// <summary>{0} property, {1} entity, {2} the named kind.</summary>
    public static readonly DiagnosticDescriptor DataSubjectKindNotASubject = Create(
        "PRIV020",
        "[DataSubject(typeof(...))] must name a data subject",
        "Property '{0}' of entity '{1}' links its rows to '{2}', but no property of '{2}' is marked [DataSubject]; a kind of data subject is the entity that is the person: mark its own key [DataSubject]");

    /// <summary>{0} property, {1} entity, {2} the kinds of data subject of the project.</summary>
    public static readonly DiagnosticDescriptor AmbiguousDataSubjectLink = new(
        "PRIV021",
        "A bare [DataSubject] link among several kinds of data subject",
        "Property '{0}' of entity '{1}' links its rows to a data subject, but its namespace has several kinds of data subject ({2}) and the entity has no navigation to one of them; name the kind, [DataSubject(typeof(...))], or every export and erasure request will stop with an error naming this link",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>
    /// {0} property, {1} declaring class, {2} the base class, {3} why it matters ("is virtual", reported when the new
    /// property carries PrivacyEf attributes, or "carries PrivacyEf attributes"). A warning: hiding can be deliberate,
    /// but for an entity it silently splits one column in two.
    /// </summary>
    public static readonly DiagnosticDescriptor NewPropertyHidesBaseProperty = new(
        "PRIV022",
        "A new property hides a virtual or annotated base property",
        "Property '{0}' of '{1}' is declared new and hides '{2}.{0}', which {3}; code that works through '{2}' (EF Core mapping it, ASP.NET Core Identity's stores) reads and writes the hidden property, so what '{1}.{0}' declares is not what is stored or protected; override the base property instead, or leave it alone and declare it personal in OnModelCreating with Property(x => x.{0}).IsPersonal(...)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        EncryptUnsupportedType,
        SearchableWithoutEncrypt,
        RetainFromNotFound,
        RetainFromNotDate,
        RetainDaysNotPositive,
        RedactUnsupportedType,
        PurposeEmpty,
        LegalHoldNotBool,
        DuplicateDataSubject,
        DuplicateLegalHold,
        MissingDataSubject,
        PersonalOnNavigation,
        EncryptOnKey,
        SearchableNotString,
        MaskUnsupportedType,
        UnsupportedEntityShape,
        GenericEntity,
        PersonalOnRecordParameter,
        PersonalWithoutCategory,
        DataSubjectKindNotASubject,
        AmbiguousDataSubjectLink,
        NewPropertyHidesBaseProperty);

    private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = CreateByIdMap();

    public static DiagnosticDescriptor ById(string id)
        => ByIdMap.TryGetValue(id, out var descriptor)
            ? descriptor
            : throw new ArgumentException("Unknown PrivacyEf diagnostic id: " + id, nameof(id));

    private static Dictionary<string, DiagnosticDescriptor> CreateByIdMap()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in All)
        {
            map.Add(descriptor.Id, descriptor);
        }

        return map;
    }

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat)
        => new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
