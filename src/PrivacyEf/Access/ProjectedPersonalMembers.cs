using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// The members of anonymous types and DTOs that a query fills from personal properties, such as <c>Iban</c> in
/// <c>Select(p =&gt; new { p.Iban }).Where(...).Select(x =&gt; x.Iban)</c>. The final projection reads them, so they
/// are guarded like the personal properties they carry.
/// </summary>
internal sealed class ProjectedPersonalMembers : ExpressionVisitor
{
    private readonly Dictionary<(Type Type, string Member), Source> sources = [];
    private readonly IModel model;

    private ProjectedPersonalMembers(IModel model)
    {
        this.model = model;
    }

    public static ProjectedPersonalMembers Collect(Expression query, IModel model)
    {
        var collector = new ProjectedPersonalMembers(model);
        collector.Visit(query);
        return collector;
    }

    public Source? Find(Type type, string member) => sources.TryGetValue((type, member), out var source) ? source : null;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);

        // GroupBy(p => p.City): the groups' Key carries the city into whatever reads it later.
        if (node.Method.Name == nameof(Queryable.GroupBy)
            && node.Method.DeclaringType == typeof(Queryable)
            && node.Arguments.Count == 2
            && QueryOperators.StripQuote(node.Arguments[1]) is LambdaExpression { Parameters.Count: 1 } key
            && node.Type.IsGenericType
            && node.Type.GetGenericArguments() is [var grouping])
        {
            Remember(grouping, nameof(IGrouping<object, object>.Key), key.Body);
        }

        return visited;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        var visited = base.VisitNew(node);
        if (node.Members is { } members)
        {
            for (var i = 0; i < members.Count; i++)
            {
                Remember(node.Type, QueryOperators.ProjectedMemberName(members[i]), node.Arguments[i]);
            }
        }

        return visited;
    }

    protected override Expression VisitMemberInit(MemberInitExpression node)
    {
        var visited = base.VisitMemberInit(node);
        foreach (var binding in node.Bindings.OfType<MemberAssignment>())
        {
            Remember(node.Type, binding.Member.Name, binding.Expression);
        }

        return visited;
    }

    private void Remember(Type type, string member, Expression value)
    {
        while (value is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            value = convert.Operand;
        }

        if (value is not MemberExpression { Expression: { } instance } read)
        {
            return;
        }

        if (PrivacyMetadata.Find(model, instance.Type, read.Member.Name) is { } entity && entity.FindProperty(read.Member.Name) is { } property)
        {
            var nullable = model.FindEntityType(instance.Type)?.FindProperty(property.Name)?.IsNullable ?? true;
            sources[(type, member)] = new Source(entity, property, nullable);
        }
        else if (Find(instance.Type, read.Member.Name) is { } carried)
        {
            sources[(type, member)] = carried;
        }
    }

    /// <summary>The personal property a projected member carries.</summary>
    /// <param name="Entity">The entity it belongs to.</param>
    /// <param name="Property">The property.</param>
    /// <param name="Nullable">Whether the column is nullable.</param>
    internal sealed record Source(PrivacyEntityMetadata Entity, PrivacyPropertyMetadata Property, bool Nullable);
}
