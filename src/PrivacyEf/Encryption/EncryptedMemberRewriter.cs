using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Encryption;

/// <summary>
/// Rewrites a LINQ query before EF translates it: equality on a searchable property (<c>==</c>, <c>!=</c>,
/// <c>list.Contains(x.Email)</c>) becomes equality on its blind index, and anything else the database would
/// have to compute on an encrypted property (ordering, ranges, string functions, grouping, joins) fails with
/// <see cref="PrivacyQueryException"/> instead of returning a wrong result. Projections are left alone: they
/// are decrypted after the database returns them.
/// </summary>
/// <param name="matchPreviousKey">
/// Whether a lookup compares under both the newest and the previous blind-index key: true during a
/// rotation, and for a query whose compiled form outlives the keys it was compiled under. Otherwise it
/// compares once, under the key values are written under, which stays the old key when a rotation starts
/// until rows are written under the new one (so a query compiled just before an instance learns of a
/// rotation still finds every row).
/// </param>
/// <param name="model">The model the query runs against, whose metadata says which members are encrypted.</param>
internal sealed class EncryptedMemberRewriter(bool matchPreviousKey, IModel model) : ExpressionVisitor
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));

    private static readonly HashSet<string> PredicateOperators = new(StringComparer.Ordinal)
    {
        nameof(Queryable.Where), nameof(Queryable.Any), nameof(Queryable.All), nameof(Queryable.Count), nameof(Queryable.LongCount),
        nameof(Queryable.First), nameof(Queryable.FirstOrDefault), nameof(Queryable.Single), nameof(Queryable.SingleOrDefault),
        nameof(Queryable.Last), nameof(Queryable.LastOrDefault), nameof(Queryable.SkipWhile), nameof(Queryable.TakeWhile),
    };

    private static readonly HashSet<string> KeyOperators = new(StringComparer.Ordinal)
    {
        nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending),
        nameof(Queryable.GroupBy), nameof(Queryable.Join), nameof(Queryable.GroupJoin), nameof(Queryable.Min), nameof(Queryable.Max),
        nameof(Queryable.MinBy), nameof(Queryable.MaxBy), nameof(Queryable.DistinctBy), nameof(Enumerable.ToLookup),
    };

    private static readonly HashSet<string> SetOperators = new(StringComparer.Ordinal)
    {
        nameof(Queryable.Distinct), nameof(Queryable.Union), nameof(Queryable.Intersect), nameof(Queryable.Except),
    };

    private bool inPredicate;

    /// <summary>Whether the rewrite turned a lookup into a blind-index comparison.</summary>
    public bool UsesBlindIndex { get; private set; }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (method.DeclaringType == typeof(Queryable) || method.DeclaringType == typeof(Enumerable))
        {
            if (KeyOperators.Contains(method.Name))
            {
                foreach (var argument in node.Arguments.Skip(1))
                {
                    RefuseAny(argument, OperationOf(method.Name));
                }

                return node.Update(null, [Visit(node.Arguments[0]), .. node.Arguments.Skip(1)]);
            }

            if (SetOperators.Contains(method.Name))
            {
                foreach (var argument in node.Arguments)
                {
                    RefuseProjectedEncryptedMember(argument, $"compute {method.Name} over it");
                }
            }

            if (PredicateOperators.Contains(method.Name))
            {
                var source = Visit(node.Arguments[0]);
                var previous = inPredicate;
                inPredicate = true;
                var rest = node.Arguments.Skip(1).Select(Visit).ToList();
                inPredicate = previous;
                return node.Update(null, [source, .. rest!]);
            }
        }

        if (inPredicate && TryRewriteContains(node) is { } contains)
        {
            return contains;
        }

        // In a filter nothing may run on ciphertext. In a projection, a function that returns text either runs
        // after decryption (client side) or makes decryption fail loudly; one that returns a number or a bool
        // (IndexOf, StartsWith, EF.Functions.Like) would return a wrong answer quietly, so it is refused.
        if (inPredicate
            || method.DeclaringType == typeof(DbFunctionsExtensions)
            || (method.DeclaringType == typeof(string) && method.ReturnType != typeof(string)))
        {
            var target = node.Object is not null ? AsEncryptedMember(node.Object) : null;
            target ??= node.Arguments.Select(AsEncryptedMember).FirstOrDefault(m => m is not null);
            if (target is { } member)
            {
                throw Refuse(member, $"evaluate {method.Name} on it", SearchAdvice(member));
            }
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (!inPredicate)
        {
            return base.VisitBinary(node);
        }

        var left = AsEncryptedMember(node.Left);
        var right = AsEncryptedMember(node.Right);
        if (left is null && right is null)
        {
            return base.VisitBinary(node);
        }

        if (left is not null && right is not null)
        {
            throw Refuse(left.Value, "compare it with another encrypted column", "Compare the values after loading them.");
        }

        var member = (left ?? right)!.Value;
        var other = left is not null ? node.Right : node.Left;
        if (node.NodeType is not (ExpressionType.Equal or ExpressionType.NotEqual))
        {
            throw Refuse(member, $"evaluate '{node.NodeType}' on it", "Only equality lookups on [Personal(Searchable = true)] properties are possible.");
        }

        if (IsNullConstant(other))
        {
            // A ciphertext is null exactly when the value is: no rewrite needed.
            return node;
        }

        if (!member.Property.Searchable)
        {
            throw Refuse(member, "look it up by value", SearchAdvice(member));
        }

        // During a rotation a row is indexed under one key or the other, so the lookup compares under both
        // (outside one, the second comparison is with a value no index can have).
        var value = Expression.Convert(Visit(StripConvert(other)), typeof(string));
        if (!matchPreviousKey)
        {
            return Compare(node.NodeType, BlindIndexOf(member, BlindIndexLookup.UnderWriteKeyMethod), value, left is not null);
        }

        var underNewest = Compare(node.NodeType, BlindIndexOf(member, BlindIndexLookup.UnderNewestKeyMethod), value, left is not null);

        var underPrevious = Compare(node.NodeType, BlindIndexOf(member, BlindIndexLookup.UnderPreviousKeyMethod), value, left is not null);
        return node.NodeType == ExpressionType.Equal
            ? Expression.OrElse(underNewest, underPrevious)
            : Expression.AndAlso(underNewest, underPrevious);

        static BinaryExpression Compare(ExpressionType comparison, Expression index, Expression value, bool indexOnLeft) =>
            indexOnLeft ? Expression.MakeBinary(comparison, index, value) : Expression.MakeBinary(comparison, value, index);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (inPredicate && AsEncryptedMember(node) is { } member)
        {
            throw Refuse(member, "use it in a filter this way", SearchAdvice(member));
        }

        if (node is { Member.Name: nameof(string.Length), Expression: { } text } && text.Type == typeof(string) && AsEncryptedMember(text) is { } measured)
        {
            throw Refuse(measured, "measure its length", "The stored length is the ciphertext's; load the value to measure it.");
        }

        return base.VisitMember(node);
    }

    private Expression? TryRewriteContains(MethodCallExpression node)
    {
        if (node.Method.Name != nameof(Enumerable.Contains))
        {
            return null;
        }

        // Enumerable.Contains(list, item), MemoryExtensions.Contains(span, item), or list.Contains(item).
        var itemIndex = node.Object is null ? node.Arguments.Count - 1 : 0;
        if (node.Arguments.Count == 0 || AsEncryptedMember(node.Arguments[itemIndex]) is not { } member)
        {
            return null;
        }

        if (!member.Property.Searchable)
        {
            throw Refuse(member, "look it up by value", SearchAdvice(member));
        }

        var instance = node.Object is null ? null : Visit(node.Object);
        var others = node.Arguments.Select((argument, i) => i == itemIndex ? argument : Visit(argument)).ToArray();
        return matchPreviousKey
            ? Expression.OrElse(ContainsIndex(BlindIndexLookup.UnderNewestKeyMethod), ContainsIndex(BlindIndexLookup.UnderPreviousKeyMethod))
            : ContainsIndex(BlindIndexLookup.UnderWriteKeyMethod);

        MethodCallExpression ContainsIndex(MethodInfo lookup)
        {
            var arguments = others.ToArray();
            arguments[itemIndex] = BlindIndexOf(member, lookup);
            return node.Update(instance, arguments);
        }
    }

    private void RefuseAny(Expression expression, string operation)
    {
        var finder = new EncryptedMemberFinder(this);
        finder.Visit(expression);
        if (finder.Found is { } member)
        {
            throw Refuse(member, operation, "Order, group and join on a non-personal property, or after loading the rows.");
        }
    }

    private void RefuseProjectedEncryptedMember(Expression source, string operation)
    {
        if (StripConvert(source) is MethodCallExpression { Method.Name: nameof(Queryable.Select) } select && select.Arguments.Count == 2)
        {
            var finder = new EncryptedMemberFinder(this);
            finder.Visit(select.Arguments[1]);
            if (finder.Found is { } member)
            {
                throw Refuse(member, operation, "Every value has its own ciphertext; compare the values after loading them.");
            }
        }
    }

    private static string OperationOf(string method) => method switch
    {
        nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) => "order by it",
        nameof(Queryable.GroupBy) or nameof(Enumerable.ToLookup) => "group by it",
        nameof(Queryable.Join) or nameof(Queryable.GroupJoin) => "join on it",
        _ => $"compute {method} over it",
    };

    private static string SearchAdvice(EncryptedMember member) => member.Property.Searchable
        ? "Only equality lookups (==, !=, list.Contains) go through its blind index."
        : "Mark it [Personal(..., Encrypt = true, Searchable = true)] for equality lookups.";

    private static PrivacyQueryException Refuse(EncryptedMember member, string operation, string advice) =>
        new(member.EntityName, member.Property.Name, operation, advice);

    private MethodCallExpression BlindIndexOf(EncryptedMember member, MethodInfo lookup)
    {
        UsesBlindIndex = true;
        return Expression.Call(lookup, Expression.Call(PropertyMethod, member.Instance, Expression.Constant(EncryptionModelConvention.BlindIndexPropertyName(member.Property.Name))));
    }

    private static bool IsNullConstant(Expression expression) => StripConvert(expression) is ConstantExpression { Value: null };

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary)
        {
            expression = unary.Operand;
        }

        return expression;
    }

    internal EncryptedMember? AsEncryptedMember(Expression expression)
    {
        switch (StripConvert(expression))
        {
            case MemberExpression { Member: PropertyInfo property, Expression: { } instance }:
                return Find(instance, property.Name);
            case MethodCallExpression { Method: { Name: nameof(EF.Property), DeclaringType: var declaring }, Arguments: [var instance, ConstantExpression { Value: string name }] } when declaring == typeof(EF):
                return Find(instance, name);
            default:
                return null;
        }

        EncryptedMember? Find(Expression instance, string name) =>
            PrivacyMetadata.Find(model, instance.Type, name) is { } metadata && metadata.FindProperty(name) is { Encrypt: true } personal
                ? new EncryptedMember(instance, metadata.ClrType.Name, personal)
                : null;
    }

    private sealed class EncryptedMemberFinder(EncryptedMemberRewriter rewriter) : ExpressionVisitor
    {
        public EncryptedMember? Found { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (Found is null && node is not null && rewriter.AsEncryptedMember(node) is { } member)
            {
                Found = member;
            }

            return Found is null ? base.Visit(node) : node;
        }
    }
}
