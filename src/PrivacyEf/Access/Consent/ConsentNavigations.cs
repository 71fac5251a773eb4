using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace PrivacyEf.Access.Consent;

/// <summary>
/// The navigations a query follows to rows linked to a data subject: navigation members, <c>EF.Property</c> of a
/// navigation, string and lambda <c>Include</c>s, and navigations the model includes automatically. The consent filter
/// sits on the query's roots, and EF expands navigations after it, so under a consent-bound purpose such a query would
/// bring in the rows of people who never consented: it is refused instead (<see cref="PrivacyQueryCompiler"/>).
/// </summary>
internal sealed class ConsentNavigations : ExpressionVisitor
{
    private readonly IModel model;
    private readonly SortedSet<string> found = new(StringComparer.Ordinal);

    private ConsentNavigations(IModel model)
    {
        this.model = model;
    }

    /// <summary>Each navigation as <c>Entity.Navigation</c>, ordered; empty when the query follows none to linked rows.</summary>
    public static IReadOnlyList<string> Find(Expression query, IModel model)
    {
        var finder = new ConsentNavigations(model);
        finder.Visit(query);
        return [.. finder.found];
    }

    protected override Expression VisitExtension(Expression node)
    {
        if (node is EntityQueryRootExpression root)
        {
            foreach (var navigation in root.EntityType.GetDerivedTypesInclusive().SelectMany(t => t.GetNavigations()).Where(n => n.IsEagerLoaded))
            {
                Note(navigation);
            }
        }

        return base.VisitExtension(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is { } instance && model.FindEntityType(instance.Type) is { } entityType
            && entityType.FindNavigation(node.Member.Name) is { } navigation && navigation.PropertyInfo == node.Member as PropertyInfo)
        {
            Note(navigation);
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == QueryOperators.PropertyMethod
            && node.Arguments[1] is ConstantExpression { Value: string name }
            && model.FindEntityType(node.Arguments[0].Type)?.FindNavigation(name) is { } navigation)
        {
            Note(navigation);
        }

        if (node.Method.Name == nameof(EntityFrameworkQueryableExtensions.Include)
            && node.Arguments is [var source, ConstantExpression { Value: string path }]
            && model.FindEntityType(source.Type.GetGenericArguments().FirstOrDefault() ?? typeof(object)) is { } rootType)
        {
            NotePath(rootType, path);
        }

        return base.VisitMethodCall(node);
    }

    private void NotePath(IEntityType rootType, string path)
    {
        var current = rootType;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.GetDerivedTypesInclusive().Select(t => t.FindNavigation(segment)).FirstOrDefault(n => n is not null) is not { } navigation)
            {
                return;
            }

            Note(navigation);
            current = navigation.TargetEntityType;
        }
    }

    private void Note(INavigation navigation)
    {
        // Owned types are part of their owner's row, which the filter already covers.
        if (!navigation.TargetEntityType.IsOwned() && EntityAccessPlan.For(navigation.TargetEntityType).Metadata?.DataSubjectProperty is not null)
        {
            found.Add($"{navigation.DeclaringEntityType.ClrType.Name}.{navigation.Name}");
        }
    }
}
