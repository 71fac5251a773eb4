using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Parsing;

namespace PrivacyEf.Generators.Model;

/// <summary>What the ambiguous-link check needs of one entity: whether it is a kind, and whether it has a bare link without a navigation to a kind.</summary>
/// <param name="FullyQualifiedTypeName">The entity, <c>global::</c>-qualified.</param>
/// <param name="IsSubjectKind">Whether its own key is marked <c>[DataSubject]</c>.</param>
/// <param name="HasLinkWithoutKind">Whether its bare link has no navigation to a kind.</param>
/// <param name="LinkProperty">The link's property name.</param>
internal sealed record LinkKindFacts(string FullyQualifiedTypeName, bool IsSubjectKind, bool HasLinkWithoutKind, string? LinkProperty)
{
    /// <summary>
    /// A warning for each bare link that cannot tell which of several kinds it means. Kinds are counted per namespace,
    /// as a model's entities are usually kept together: a project with one context per namespace, one kind each, has
    /// no ambiguous link (the run-time check, which sees the real model, stops a request on one anyway).
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Diagnose(ImmutableArray<LinkKindFacts?> facts, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!facts.Any(f => f is { HasLinkWithoutKind: true }))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var kindsByNamespace = facts.Where(f => f is { IsSubjectKind: true })
            .GroupBy(f => NamespaceOf(f!.FullyQualifiedTypeName), System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => ShortName(f!.FullyQualifiedTypeName)).OrderBy(n => n, System.StringComparer.Ordinal).ToList(), System.StringComparer.Ordinal);
        var found = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (var fact in facts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fact is { HasLinkWithoutKind: true, LinkProperty: { } property }
                && kindsByNamespace.TryGetValue(NamespaceOf(fact.FullyQualifiedTypeName), out var kinds)
                && kinds.Count > 1)
            {
                found.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.AmbiguousDataSubjectLink,
                    AttributeLocation(compilation, fact.FullyQualifiedTypeName, property),
                    property,
                    ShortName(fact.FullyQualifiedTypeName),
                    string.Join(", ", kinds)));
            }
        }

        return found.ToImmutable().ToEquatableArray();
    }

    /// <summary>Where the link's <c>[DataSubject]</c> is written, in the entity or a base class; null when not found.</summary>
    private static LocationInfo? AttributeLocation(Compilation compilation, string fullyQualifiedTypeName, string property)
    {
        var metadataName = fullyQualifiedTypeName.StartsWith("global::", System.StringComparison.Ordinal) ? fullyQualifiedTypeName.Substring("global::".Length) : fullyQualifiedTypeName;
        for (var type = compilation.GetTypeByMetadataName(metadataName); type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(property))
            {
                foreach (var attribute in member.GetAttributes())
                {
                    if (PrivacyAttributeNames.KindOf(attribute) == PrivacyAttributeKind.DataSubject)
                    {
                        return LocationInfo.From(attribute);
                    }
                }
            }
        }

        return null;
    }

    private static string NamespaceOf(string fullyQualifiedTypeName)
    {
        var dot = fullyQualifiedTypeName.LastIndexOf('.');
        return dot < 0 ? "" : fullyQualifiedTypeName.Substring(0, dot);
    }

    private static string ShortName(string fullyQualifiedTypeName)
    {
        var dot = fullyQualifiedTypeName.LastIndexOf('.');
        var name = dot < 0 ? fullyQualifiedTypeName : fullyQualifiedTypeName.Substring(dot + 1);
        return name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
    }
}
