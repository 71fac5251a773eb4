using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// The entities a query reads through raw SQL (<c>FromSql</c>). Whose rows they are comes from the link column the SQL
/// returns, which the SQL may compute (<c>1 AS "ShopperId"</c>): a scope acting for itself would take every row for
/// its own, so such a run is refused to a scope whose own rows these can be (<see cref="PrivacyQueryCompiler"/>).
/// </summary>
internal sealed class RawSqlRoots : ExpressionVisitor
{
    private readonly List<EntityAccessPlan> found = [];

    public static IReadOnlyList<EntityAccessPlan> Find(Expression query)
    {
        var finder = new RawSqlRoots();
        finder.Visit(query);
        return finder.found;
    }

    protected override Expression VisitExtension(Expression node)
    {
        if (node is FromSqlQueryRootExpression root)
        {
            // A derived type may link its rows to a subject where the base type read does not.
            found.AddRange(root.EntityType.GetDerivedTypesInclusive().Select(EntityAccessPlan.For).Where(plan => plan.SubjectLink is not null));
        }

        return base.VisitExtension(node);
    }
}
