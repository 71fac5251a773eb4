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

        // Consent rows and the access log name a kind by its class name: two kinds of one name would share them.
        trouble.AddRange(Kinds.GroupBy(NameOf).Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(k => k.ClrType.FullName))} are kinds of data subject with one name, which consent and the access log could not tell apart"));
        links = found;
        problems = trouble;
    }

    /// <summary>The kind recorded for subjects of a model without an entity that is the person (rows link to ids only).</summary>
    public const string NoKind = "";

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
        var entityType = Kind(kind);
        return [.. links.Where(l => l.Kind == entityType).Select(l => (l.EntityType, l.Metadata))];
    }

    /// <summary>The kind's name as consent rows and the access log record it: the entity's class name.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a kind of data subject of this model.</exception>
    public string NameOf(Type kind) => NameOf(Kind(kind));

    /// <summary>
    /// The kind's name for a request that names no kind: the only kind's, or <see cref="NoKind"/> when the model links
    /// rows to subjects without an entity that is the person.
    /// </summary>
    /// <param name="request">The request, for messages (<c>GrantConsentAsync</c>).</param>
    /// <exception cref="InvalidOperationException">The model has several kinds, or a link that cannot be resolved.</exception>
    public string OnlyKindName(string request)
    {
        All(request);
        return Kinds.Count == 0 ? NoKind : NameOf(Kinds[0]);
    }

    /// <summary>
    /// Which kind of data subject the rows of <paramref name="entityType"/> (or of the base type that links its
    /// hierarchy) belong to.
    /// </summary>
    /// <param name="entityType">An entity type of this model.</param>
    /// <param name="kindName">The kind's name, <see cref="NoKind"/> in a model without kinds, or null when the link is ambiguous.</param>
    /// <returns>False when the entity links no rows to a data subject.</returns>
    public bool TryGetKindName(IEntityType entityType, out string? kindName)
    {
        if (!TryGetKind(entityType, out var kind))
        {
            kindName = null;
            return false;
        }

        kindName = kind is not null ? NameOf(kind) : Kinds.Count == 0 ? NoKind : null;
        return true;
    }

    /// <summary>The entity that is the person the rows of <paramref name="entityType"/> belong to.</summary>
    /// <param name="entityType">An entity type of this model.</param>
    /// <param name="kind">The kind; null in a model without kinds, or when the link is ambiguous.</param>
    /// <returns>False when the entity links no rows to a data subject.</returns>
    public bool TryGetKind(IEntityType entityType, out IEntityType? kind)
    {
        foreach (var type in entityType.GetAllBaseTypesInclusive())
        {
            foreach (var link in links)
            {
                if (link.EntityType == type)
                {
                    kind = link.Kind;
                    return true;
                }
            }
        }

        kind = null;
        return false;
    }

    private IEntityType Kind(Type kind)
    {
        // A derived type of a kind names its hierarchy: the hierarchy's ids are one key space.
        var entityType = Kinds.FirstOrDefault(k => k.ClrType == kind) ?? Kinds.FirstOrDefault(k => k.ClrType.IsAssignableFrom(kind))
            ?? throw new ArgumentException(
                $"{kind.Name} is not a kind of data subject in this model: mark its own key [DataSubject]. The kinds are: {(Kinds.Count == 0 ? "none" : Names(Kinds))}.",
                nameof(kind));
        ThrowIfAmbiguous();
        return entityType;
    }

    private static string NameOf(IEntityType kind) => kind.ClrType.Name;

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
