using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: a released ID never changes meaning
/// (see AnalyzerReleases.Shipped.md). An entity with any of these errors is not generated; warnings
/// (PRIV011) leave it generated.
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
        "Entity '{0}' holds personal data but no property is marked [DataSubject], so its rows cannot be found for an export or erasure request; mark the property that identifies the person (its own key, or the foreign key to the person)",
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
        MissingDataSubject);

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
