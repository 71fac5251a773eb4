using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyEf;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// The entity-level privacy declarations in <c>OnModelCreating</c>, for classes that cannot carry the attributes:
/// <see cref="DataSubjectAttribute"/>, <see cref="LegalHoldAttribute"/>, <see cref="PurposeAttribute"/> on a class and
/// <see cref="RetainAttribute"/>. Like <see cref="PrivacyPropertyBuilderExtensions"/>, they belong to the model being
/// built and may repeat or strengthen what an attribute says, never weaken it.
/// </summary>
public static class PrivacyEntityTypeBuilderExtensions
{
    /// <summary>Names the property (or navigation) that links a row to its data subject, as <see cref="DataSubjectAttribute"/> does.</summary>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="memberName">The property: the subject's own key on the subject entity, or the link to the subject elsewhere.</param>
    /// <param name="kind">The kind of data subject the link leads to, when the model has several and no navigation tells.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder HasDataSubject(this EntityTypeBuilder entityTypeBuilder, string memberName, Type? kind = null)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberName);
        entityTypeBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.DataSubject, new DataSubjectDeclaration(memberName, kind));
        return entityTypeBuilder;
    }

    /// <summary>Names the property (or navigation) that links a row to its data subject, as <see cref="DataSubjectAttribute"/> does.</summary>
    /// <typeparam name="TEntity">The entity's type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="member">The property: the subject's own key on the subject entity, or the link to the subject elsewhere.</param>
    /// <param name="kind">The kind of data subject the link leads to, when the model has several and no navigation tells.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder<TEntity> HasDataSubject<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, Expression<Func<TEntity, object?>> member, Type? kind = null)
        where TEntity : class =>
        (EntityTypeBuilder<TEntity>)HasDataSubject((EntityTypeBuilder)entityTypeBuilder, MemberName(member), kind);

    /// <summary>Names the bool property that holds a row from retention and erasure, as <see cref="LegalHoldAttribute"/> does.</summary>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="propertyName">A non-nullable bool property.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder HasLegalHold(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);
        entityTypeBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.LegalHold, propertyName);
        return entityTypeBuilder;
    }

    /// <summary>Names the bool property that holds a row from retention and erasure, as <see cref="LegalHoldAttribute"/> does.</summary>
    /// <typeparam name="TEntity">The entity's type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="flag">A non-nullable bool property.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder<TEntity> HasLegalHold<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, Expression<Func<TEntity, bool>> flag)
        where TEntity : class =>
        (EntityTypeBuilder<TEntity>)HasLegalHold((EntityTypeBuilder)entityTypeBuilder, MemberName(flag));

    /// <summary>
    /// Limits the entity's personal properties that name no purposes of their own to the given purposes, as
    /// <see cref="PurposeAttribute"/> on a class does.
    /// </summary>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="purposes">The purposes, at least one, none blank.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder HasPurposes(this EntityTypeBuilder entityTypeBuilder, params string[] purposes)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.Purposes, FluentPurposes.Checked(purposes));
        return entityTypeBuilder;
    }

    /// <summary>
    /// Limits the entity's personal properties that name no purposes of their own to the given purposes, as
    /// <see cref="PurposeAttribute"/> on a class does.
    /// </summary>
    /// <typeparam name="TEntity">The entity's type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="purposes">The purposes, at least one, none blank.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder<TEntity> HasPurposes<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, params string[] purposes)
        where TEntity : class =>
        (EntityTypeBuilder<TEntity>)HasPurposes((EntityTypeBuilder)entityTypeBuilder, purposes);

    /// <summary>Keeps rows for a number of days after a date, then deletes or anonymizes them, as <see cref="RetainAttribute"/> does.</summary>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="days">The retention period in days, at least one.</param>
    /// <param name="fromPropertyName">The DateTime or DateTimeOffset property (nullable allowed) the period counts from.</param>
    /// <param name="then">What happens to expired rows.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder HasRetention(this EntityTypeBuilder entityTypeBuilder, int days, string fromPropertyName, RetentionAction then = RetentionAction.Delete)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromPropertyName);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        entityTypeBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.Retention, new RetentionMetadata(days, fromPropertyName, then));
        return entityTypeBuilder;
    }

    /// <summary>Keeps rows for a number of days after a date, then deletes or anonymizes them, as <see cref="RetainAttribute"/> does.</summary>
    /// <typeparam name="TEntity">The entity's type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type's builder.</param>
    /// <param name="days">The retention period in days, at least one.</param>
    /// <param name="from">The DateTime or DateTimeOffset property (nullable allowed) the period counts from.</param>
    /// <param name="then">What happens to expired rows.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static EntityTypeBuilder<TEntity> HasRetention<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, int days, Expression<Func<TEntity, object?>> from, RetentionAction then = RetentionAction.Delete)
        where TEntity : class =>
        (EntityTypeBuilder<TEntity>)HasRetention((EntityTypeBuilder)entityTypeBuilder, days, MemberName(from), then);

    private static string MemberName(LambdaExpression member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var body = member.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body is MemberExpression { Expression: ParameterExpression } read
            ? read.Member.Name
            : throw new ArgumentException($"'{member}' must read one property of the entity, like 'x => x.CustomerId'.", nameof(member));
    }
}
