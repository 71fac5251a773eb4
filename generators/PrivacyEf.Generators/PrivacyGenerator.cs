using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Emitting;
using PrivacyEf.Generators.Model;
using PrivacyEf.Generators.Parsing;

namespace PrivacyEf.Generators;

/// <summary>
/// Generates, for every class annotated with PrivacyEf attributes, a <c>{TypeName}Privacy</c> class with its
/// metadata and EF Core configuration, and one module initializer per assembly that registers them.
/// This file only wires the pipeline: <see cref="EntityParser"/> and the emitters hold the logic.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PrivacyGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var personal = AttributeSites(context, PrivacyAttributeNames.Personal, PrivacyAttributeKind.Personal, SiteFilter.IsPersonalSite, TrackingNames.PersonalAttributes, TrackingNames.CollectedPersonal);
        var dataSubject = AttributeSites(context, PrivacyAttributeNames.DataSubject, PrivacyAttributeKind.DataSubject, SiteFilter.IsDataSubjectSite, TrackingNames.DataSubjectAttributes, TrackingNames.CollectedDataSubject);
        var legalHold = AttributeSites(context, PrivacyAttributeNames.LegalHold, PrivacyAttributeKind.LegalHold, SiteFilter.IsLegalHoldSite, TrackingNames.LegalHoldAttributes, TrackingNames.CollectedLegalHold);
        var purpose = AttributeSites(context, PrivacyAttributeNames.Purpose, PrivacyAttributeKind.Purpose, SiteFilter.IsPurposeSite, TrackingNames.PurposeAttributes, TrackingNames.CollectedPurpose);
        var retain = AttributeSites(context, PrivacyAttributeNames.Retain, PrivacyAttributeKind.Retain, SiteFilter.IsTypeDeclaration, TrackingNames.RetainAttributes, TrackingNames.CollectedRetain);

        // The attribute finders never report an attribute on the property of a positional record parameter. Each
        // file is searched once; on an edit only the edited file is searched again (the others are the same trees).
        // Like the per-file steps inside the attribute finders, these per-file steps go untracked: a file added
        // or edited is new input and is rightly searched; what must stay unchanged is the parse after them.
        var positionalRecords = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, cancellationToken) => PositionalRecordFinder.Find(tree, cancellationToken))
            .Collect()
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => ParsePositionalRecords(pair.Right, pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.PositionalRecords);

        var parseResults = personal
            .Combine(dataSubject).WithTrackingName(TrackingNames.PersonalAndDataSubjectSites)
            .Combine(legalHold).WithTrackingName(TrackingNames.PropertyAttributeSites)
            .Combine(purpose).WithTrackingName(TrackingNames.PropertyAndPurposeSites)
            .Combine(retain).WithTrackingName(TrackingNames.AllAttributeSites)
            .Combine(positionalRecords).WithTrackingName(TrackingNames.AllSites)
            .SelectMany(static (sites, _) => OnePerType(sites.Left.Left.Left.Left.Left, sites.Left.Left.Left.Left.Right, sites.Left.Left.Left.Right, sites.Left.Left.Right, sites.Left.Right, sites.Right.AsImmutableArray()))
            .WithTrackingName(TrackingNames.ParseResults);

        // [Personal] may classify a parameter (a [LoggerMessage] argument, for log redaction). On a positional record
        // parameter without the property: target it classifies the parameter alone and the property would go unprotected.
        var personalOnRecordParameters = context.SyntaxProvider
            .ForAttributeWithMetadataName(PrivacyAttributeNames.Personal, SiteFilter.IsPositionalRecordParameter, static (attributeContext, _) => RecordParameterCheck.Diagnose(attributeContext))
            .Collect()
            .WithTrackingName(TrackingNames.PersonalOnRecordParameters);
        context.RegisterSourceOutput(personalOnRecordParameters, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // A property declared new over a virtual or annotated one: found from syntax alone (a modifier), then checked once.
        var hiddenProperties = context.SyntaxProvider
            .CreateSyntaxProvider(HiddenPropertyCheck.IsNewProperty, static (syntaxContext, cancellationToken) => HiddenPropertyCheck.Diagnose(syntaxContext, cancellationToken))
            .Collect()
            .WithTrackingName(TrackingNames.HiddenProperties);
        context.RegisterSourceOutput(hiddenProperties, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                if (diagnostic is not null)
                {
                    production.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        });

        var diagnostics = parseResults
            .SelectMany(static (result, _) => result.Diagnostics.AsImmutableArray())
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, diagnostic) => production.ReportDiagnostic(diagnostic.ToDiagnostic()));

        // Whether a bare link is ambiguous depends on how many kinds the whole project has: decided on the collected
        // models, which stay equal after an edit that changes no annotation. The compilation is read only to place a
        // warning, and only in a project with several kinds and such a link.
        var ambiguousLinks = parseResults
            .Select(static (result, _) => result.Model is { } model ? new LinkKindFacts(model.FullyQualifiedTypeName, model.IsSubjectKind, model.HasLinkWithoutKind, model.DataSubjectProperty) : null)
            .Collect()
            .WithTrackingName(TrackingNames.CollectedLinkKinds)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => LinkKindFacts.Diagnose(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.AmbiguousLinks);
        context.RegisterSourceOutput(ambiguousLinks, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var runtimeReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(PrivacyAttributeNames.Registry) is not null)
            .WithTrackingName(TrackingNames.RuntimeReferenced);

        var entities = parseResults
            .SelectMany(static (result, _) => result.Model is { } model ? ImmutableArray.Create(model) : ImmutableArray<EntityModel>.Empty)
            .WithTrackingName(TrackingNames.EntityModels)
            .Combine(runtimeReferenced)
            .WithTrackingName(TrackingNames.EntityModelsWithRuntime)
            .SelectMany(static (pair, _) => pair.Right ? ImmutableArray.Create(pair.Left) : ImmutableArray<EntityModel>.Empty)
            .WithTrackingName(TrackingNames.EmittableEntities);
        context.RegisterSourceOutput(entities, static (production, entity) => production.AddSource(entity.HintName, EntityEmitter.Emit(entity)));

        var registrations = entities
            .Select(static (entity, _) => entity.FullyQualifiedGeneratedClassName)
            .WithTrackingName(TrackingNames.RegisteredClassNames)
            .Collect()
            .WithTrackingName(TrackingNames.CollectedRegistrations);
        var inventory = entities
            .Collect()
            .WithTrackingName(TrackingNames.CollectedInventory);
        context.RegisterSourceOutput(inventory, static (production, models) =>
        {
            if (!models.IsEmpty)
            {
                production.AddSource(InventoryEmitter.HintName, InventoryEmitter.Emit(models));
            }
        });

        context.RegisterSourceOutput(registrations, static (production, classNames) =>
        {
            if (!classNames.IsEmpty)
            {
                production.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(classNames));
            }
        });
    }

    private static IncrementalValueProvider<ImmutableArray<EntityParseResult?>> AttributeSites(
        IncrementalGeneratorInitializationContext context,
        string attributeMetadataName,
        PrivacyAttributeKind kind,
        System.Func<SyntaxNode, System.Threading.CancellationToken, bool> predicate,
        string sitesTrackingName,
        string collectedTrackingName)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(attributeMetadataName, predicate, (attributeContext, cancellationToken) => EntityParser.ParseFromAttributeSite(attributeContext, kind, cancellationToken))
            .WithTrackingName(sitesTrackingName)
            .Collect()
            .WithTrackingName(collectedTrackingName);

    /// <summary>Equatable, so that an edit elsewhere leaves the step unchanged although the compilation is new.</summary>
    private static EquatableArray<EntityParseResult> ParsePositionalRecords(Compilation compilation, ImmutableArray<EquatableArray<string>> namesPerFile, System.Threading.CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<EntityParseResult>();
        foreach (var names in namesPerFile)
        {
            foreach (var name in names)
            {
                if (EntityParser.ParseFromPositionalRecord(compilation, name, cancellationToken) is { } result)
                {
                    results.Add(result);
                }
            }
        }

        return results.ToImmutable().ToEquatableArray();
    }

    /// <summary>Only a type's representative site yields a result; this drops the rest and guards against doubles.</summary>
    private static ImmutableArray<EntityParseResult> OnePerType(params IEnumerable<EntityParseResult?>[] sites)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<EntityParseResult>();
        foreach (var site in sites)
        {
            foreach (var result in site)
            {
                if (result is not null && seen.Add(result.FullyQualifiedTypeName))
                {
                    results.Add(result);
                }
            }
        }

        return results.ToImmutable();
    }
}
