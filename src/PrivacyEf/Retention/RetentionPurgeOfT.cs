using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Retention;

namespace PrivacyEf.Internal;

/// <summary>The typed purge of <typeparamref name="TEntity"/>; generated code creates it.</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RetentionPurge<TEntity> : RetentionPurge, IRunnableRetentionPurge
    where TEntity : class
{
    /// <summary>Creates the purge from the generated typed expressions.</summary>
    /// <param name="expiredBefore">The rows whose retention date lies before a cutoff.</param>
    /// <param name="onLegalHold">The rows under legal hold, or null when the entity has no legal hold.</param>
    /// <param name="anonymize">The anonymizing setters, or null when expired rows are deleted.</param>
    /// <param name="notAnonymized">The rows not anonymized yet; required with <paramref name="anonymize"/>.</param>
    public RetentionPurge(
        Func<DateTimeOffset, Expression<Func<TEntity, bool>>> expiredBefore,
        Expression<Func<TEntity, bool>>? onLegalHold,
        Action<UpdateSettersBuilder<TEntity>, AnonymizedValues>? anonymize,
        Expression<Func<TEntity, bool>>? notAnonymized)
    {
        ArgumentNullException.ThrowIfNull(expiredBefore);
        if ((anonymize is null) != (notAnonymized is null))
        {
            throw new ArgumentException($"The retention purge of {typeof(TEntity).Name} needs both the anonymizing setters and the not-anonymized filter, or neither.", nameof(notAnonymized));
        }

        ExpiredBefore = expiredBefore;
        OnLegalHold = onLegalHold;
        Anonymize = anonymize;
        NotAnonymized = notAnonymized;
    }

    /// <inheritdoc/>
    public override Type EntityType => typeof(TEntity);

    /// <summary>The rows whose retention date lies before a cutoff.</summary>
    public Func<DateTimeOffset, Expression<Func<TEntity, bool>>> ExpiredBefore { get; }

    /// <summary>The rows under legal hold, or null.</summary>
    public Expression<Func<TEntity, bool>>? OnLegalHold { get; }

    /// <summary>The anonymizing setters, or null when expired rows are deleted.</summary>
    public Action<UpdateSettersBuilder<TEntity>, AnonymizedValues>? Anonymize { get; }

    /// <summary>The rows not anonymized yet, or null when expired rows are deleted.</summary>
    public Expression<Func<TEntity, bool>>? NotAnonymized { get; }

    Task<PurgeEntityReport> IRunnableRetentionPurge.RunAsync(PurgeRun run, IEntityType entityType, RetentionMetadata retention, CancellationToken cancellationToken)
    {
        var key = entityType.FindPrimaryKey()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} has [Retain] but no primary key; the purge deletes and anonymizes rows by key.");
        if (key.Properties.Count != 1)
        {
            throw new InvalidOperationException(
                $"{entityType.DisplayName()} has [Retain] and a composite key ({string.Join(", ", key.Properties.Select(p => p.Name))}); the purge works by a single-column key.");
        }

        var keyProperty = key.Properties[0];
        var batcher = (EntityPurgeBatches<TEntity>)Activator.CreateInstance(
            typeof(KeyedPurgeBatches<,>).MakeGenericType(typeof(TEntity), keyProperty.ClrType),
            this,
            keyProperty.Name)!;
        return batcher.RunAsync(run, entityType, retention, cancellationToken);
    }
}
