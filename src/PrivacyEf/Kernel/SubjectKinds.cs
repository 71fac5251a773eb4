using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// The kinds of data subject of one model, and which kind each subject link points to. A kind is an entity that is the
/// person: its own key is marked <c>[DataSubject]</c>. A link elsewhere points to the kind its attribute names, else to
/// the kind its foreign key's navigation leads to, else to the model's only kind. Two kinds can share an id value (a
/// customer 1 and an employee 1), so a request for one subject must never reach the other's rows.
/// </summary>
internal sealed class SubjectKinds
{
    private static readonly ConditionalWeakTable<IModel, SubjectKinds> Cache = [];

    private readonly List<(IEntityType EntityType, PrivacyEntityMetadata Metadata, IEntityType? Kind)> links;
    private readonly List<string> problems;

    private SubjectKinds(IModel model)
    {
        var linked = SubjectRows.LinkedEntities(model);
        Kinds = [.. linked.Where(l => IsOwnKey(l.EntityType, SubjectRows.LinkOf(l.EntityType, l.Metadata.DataSubjectProperty!)!.Name)).Select(l => l.EntityType)];
        var found = new List<(IEntityType, PrivacyEntityMetadata, IEntityType?)>();

        // A link the model does not map would leave its rows out of every request without a word.
        var trouble = SubjectRows.UnresolvedLinks(model)
            .Select(link => $"{link} is marked [DataSubject], but the model maps no column for it (an ignored property, or a navigation without a single foreign key)")
            .ToList();
        foreach (var (entityType, metadata) in linked)
        {
            found.Add((entityType, metadata, KindOf(entityType, metadata, trouble)));
        }

        links = found;
        problems = trouble;
    }

    /// <summary>The entities that are persons, in dependents-first order.</summary>
    public IReadOnlyList<IEntityType> Kinds { get; }

    public static SubjectKinds Of(IModel model) => Cache.GetValue(model, static m => new SubjectKinds(m));

    /// <summary>
    /// Every linked entity, for a request that names no kind: allowed only when the model has at most one kind, since
    /// an id alone cannot tell a customer 1 from an employee 1.
    /// </summary>
    /// <param name="request">The request, for messages (<c>ExportSubjectAsync</c>).</param>
    public IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> All(string request)
    {
        if (Kinds.Count > 1)
        {
            throw new InvalidOperationException(
                $"The model has {Kinds.Count} kinds of data subject ({Names(Kinds)}), and an id alone does not say whose data it is: " +
                $"call {request}<{Kinds[0].ClrType.Name}>(id) (or another kind) instead.");
        }

        ThrowIfAmbiguous();
        return [.. links.Select(l => (l.EntityType, l.Metadata))];
    }

    /// <summary>The entities linked to the kind <paramref name="kind"/>, dependents first.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a kind of data subject of this model.</exception>
    public IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> LinkedTo(Type kind)
    {
        // A derived type of a kind names its hierarchy: the hierarchy's ids are one key space.
        var entityType = Kinds.FirstOrDefault(k => k.ClrType == kind) ?? Kinds.FirstOrDefault(k => k.ClrType.IsAssignableFrom(kind))
            ?? throw new ArgumentException(
                $"{kind.Name} is not a kind of data subject in this model: mark its own key [DataSubject]. The kinds are: {(Kinds.Count == 0 ? "none" : Names(Kinds))}.",
                nameof(kind));
        ThrowIfAmbiguous();
        return [.. links.Where(l => l.Kind == entityType).Select(l => (l.EntityType, l.Metadata))];
    }

    private static bool IsOwnKey(IEntityType entityType, string property) =>
        entityType.FindPrimaryKey() is { Properties: [var key] } && key.Name == property;

    private static string Names(IEnumerable<IEntityType> entityTypes) => string.Join(", ", entityTypes.Select(e => e.DisplayName()));

    private IEntityType? KindOf(IEntityType entityType, PrivacyEntityMetadata metadata, List<string> trouble)
    {
        var property = SubjectRows.LinkOf(entityType, metadata.DataSubjectProperty!)!.Name;
        if (Kinds.Contains(entityType))
        {
            return entityType;
        }

        var link = $"{entityType.DisplayName()}.{metadata.DataSubjectProperty}";
        if (metadata.DataSubjectKind is { } named)
        {
            var kind = Kinds.FirstOrDefault(k => k.ClrType == named);
            if (kind is null)
            {
                trouble.Add($"{link} names {named.Name}, which is not a kind of data subject in this model (its own key is not marked [DataSubject])");
            }

            return kind;
        }

        var byNavigation = entityType.GetForeignKeys()
            .Where(fk => fk.Properties is [var only] && only.Name == property)
            .Select(fk => Kinds.FirstOrDefault(k => k.IsAssignableFrom(fk.PrincipalEntityType) || fk.PrincipalEntityType.IsAssignableFrom(k)))
            .OfType<IEntityType>()
            .Distinct()
            .ToList();
        if (byNavigation.Count == 1)
        {
            return byNavigation[0];
        }

        if (Kinds.Count == 1)
        {
            return Kinds[0];
        }

        if (Kinds.Count > 1)
        {
            trouble.Add($"{link} links to a data subject, but the model has several kinds ({Names(Kinds)}) and nothing says which: name it, [DataSubject(typeof({Kinds[0].ClrType.Name}))], or give it a foreign key to its kind");
        }

        return null;
    }

    private void ThrowIfAmbiguous()
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("PrivacyEf cannot tell whose data these rows are, so it answers no subject request: " + string.Join("; ", problems) + ".");
        }
    }
}
