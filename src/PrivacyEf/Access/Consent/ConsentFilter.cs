using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace PrivacyEf.Access.Consent;

/// <summary>
/// Builds the filter that keeps, under a consent-bound purpose, only rows whose data subject has active consent:
/// <c>!required || EXISTS (consent for this subject and purpose, not revoked, not expired)</c>.
/// </summary>
internal static class ConsentFilter
{
    private static readonly MethodInfo WhereMethod = new Func<IQueryable<object>, Expression<Func<object, bool>>, IQueryable<object>>(Queryable.Where)
        .Method.GetGenericMethodDefinition();

    private static readonly MethodInfo AnyMethod = new Func<IQueryable<object>, Expression<Func<object, bool>>, bool>(Queryable.Any)
        .Method.GetGenericMethodDefinition();

    private static readonly MethodInfo ToStringMethod = typeof(object).GetMethod(nameof(ToString))!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public static Expression Apply(EntityQueryRootExpression root, IProperty subject, string? kind, IEntityType consentType)
    {
        var entity = Expression.Parameter(root.ElementType, "e");
        var consent = Expression.Parameter(typeof(PrivacyConsent), "c");
        var consents = root.QueryProvider is { } provider
            ? new EntityQueryRootExpression(provider, consentType)
            : new EntityQueryRootExpression(consentType);

        var subjectValue = subject.PropertyInfo is { } clrProperty
            ? (Expression)Expression.Property(entity, clrProperty)
            : Expression.Call(typeof(EF), nameof(EF.Property), [subject.ClrType], entity, Expression.Constant(subject.Name));
        var sameSubject = Expression.AndAlso(
            Expression.Equal(Expression.Property(consent, nameof(PrivacyConsent.SubjectKind)), Expression.Constant(kind, typeof(string))),
            Expression.Equal(Expression.Property(consent, nameof(PrivacyConsent.SubjectId)), SubjectText(subjectValue)));
        var matches = Expression.AndAlso(
            Expression.AndAlso(
                sameSubject,
                Expression.Equal(Expression.Property(consent, nameof(PrivacyConsent.Purpose)), ConsentParameters.PurposeParameter)),
            Expression.AndAlso(
                Expression.Equal(Expression.Property(consent, nameof(PrivacyConsent.RevokedAt)), Expression.Constant(null, typeof(DateTime?))),
                Expression.OrElse(
                    Expression.Equal(Expression.Property(consent, nameof(PrivacyConsent.ExpiresAt)), Expression.Constant(null, typeof(DateTime?))),
                    Expression.GreaterThan(
                        Expression.Property(consent, nameof(PrivacyConsent.ExpiresAt)),
                        Expression.Convert(ConsentParameters.NowParameter, typeof(DateTime?))))));

        var exists = Expression.Call(
            AnyMethod.MakeGenericMethod(typeof(PrivacyConsent)),
            consents,
            Expression.Quote(Expression.Lambda(matches, consent)));
        var predicate = Expression.Lambda(Expression.OrElse(Expression.Not(ConsentParameters.RequiredParameter), exists), entity);
        return Expression.Call(WhereMethod.MakeGenericMethod(root.ElementType), root, Expression.Quote(predicate));
    }

    /// <summary>The subject id as the consent table stores it: strings as they are, numbers in invariant digits, GUIDs in lowercase.</summary>
    /// <summary>
    /// For rows whose subject the model cannot name (a [DataSubject] link mapped to no column): no consent can cover
    /// them, so a consent-bound purpose reads none of them rather than all.
    /// </summary>
    public static Expression ApplyUnlinked(EntityQueryRootExpression root)
    {
        var entity = Expression.Parameter(root.ElementType, "e");
        var predicate = Expression.Lambda(Expression.Not(ConsentParameters.RequiredParameter), entity);
        return Expression.Call(WhereMethod.MakeGenericMethod(root.ElementType), root, Expression.Quote(predicate));
    }

    private static Expression SubjectText(Expression subject)
    {
        if (subject.Type == typeof(string))
        {
            return subject;
        }

        var text = Expression.Call(subject, subject.Type.GetMethod(nameof(ToString), Type.EmptyTypes) ?? ToStringMethod);

        // SQLite keeps GUIDs as uppercase text, PostgreSQL prints them in lowercase.
        var underlying = Nullable.GetUnderlyingType(subject.Type) ?? subject.Type;
        return underlying == typeof(Guid) ? Expression.Call(text, ToLowerMethod) : text;
    }
}
