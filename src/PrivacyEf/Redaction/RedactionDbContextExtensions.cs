using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Kernel;
using PrivacyEf.Redaction;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Redacts text that was stored before redaction was turned on.</summary>
public static class RedactionDbContextExtensions
{
    private static readonly MethodInfo RunMethod = typeof(RedactionDbContextExtensions).GetMethod(nameof(RunAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Redacts the <c>[Personal(Redact = true)]</c> text of every stored <typeparamref name="TEntity"/> row, in batches
    /// ordered by primary key, one transaction per batch. Rows are read and written through EF (encrypted columns are
    /// decrypted and re-encrypted by the converters). A run that stops part-way keeps the batches it committed; running
    /// again (or from <see cref="RedactExistingOptions.ResumeAfter"/>) finishes the job, and already redacted text is left as it is.
    /// </summary>
    /// <typeparam name="TEntity">The entity type whose rows are redacted.</typeparam>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="options">Batch size and resume point; null for the defaults.</param>
    /// <param name="progress">Receives the progress after every batch.</param>
    /// <param name="cancellationToken">Stops the run between or inside batches; committed batches stay.</param>
    /// <returns>The final progress.</returns>
    public static Task<RedactionProgress> RedactExistingAsync<TEntity>(this DbContext context, RedactExistingOptions? options = null, IProgress<RedactionProgress>? progress = null, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var redaction = (PrivacyKernel.Find(context)
            ?? throw new InvalidOperationException($"RedactExistingAsync needs PrivacyEf on '{context.GetType().Name}': configure it with UsePrivacy(serviceProvider).")).Get<RedactionRuntime>();
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"'{typeof(TEntity).Name}' is not an entity type of '{context.GetType().Name}'.");
        var properties = RedactionModelFacts.For(context.Model).PropertiesOf(entityType);
        if (properties.Length == 0)
        {
            throw new InvalidOperationException($"Entity '{entityType.DisplayName()}' has no string property marked [Personal(..., Redact = true)]; there is nothing to redact.");
        }

        var key = entityType.FindPrimaryKey();
        if (key is null || key.Properties.Count != 1)
        {
            throw new NotSupportedException($"RedactExistingAsync pages through '{entityType.DisplayName()}' by its primary key and needs a key of one property; '{entityType.DisplayName()}' has {(key is null ? "no key" : $"a key of {key.Properties.Count} properties")}.");
        }

        var keyProperty = key.Properties[0];
        var keyType = keyProperty.ClrType;
        if (!IsOrderable(keyType))
        {
            throw new NotSupportedException($"RedactExistingAsync pages through '{entityType.DisplayName()}' by its primary key '{keyProperty.Name}', whose type {keyType.Name} it cannot compare; integer and string keys are supported.");
        }

        options ??= new RedactExistingOptions();
        object? resumeAfter = null;
        if (options.ResumeAfter is not null)
        {
            try
            {
                resumeAfter = Convert.ChangeType(options.ResumeAfter, keyType, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
            {
                throw new ArgumentException($"ResumeAfter '{options.ResumeAfter}' is not a key of '{entityType.DisplayName()}' ({keyType.Name}).", nameof(options), exception);
            }
        }

        var run = new HistoryRun(context, redaction, entityType, properties, keyProperty, options.BatchSize, progress);
        return (Task<RedactionProgress>)RunMethod.MakeGenericMethod(typeof(TEntity), keyType).Invoke(null, [run, resumeAfter, cancellationToken])!;
    }

    private static bool IsOrderable(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(decimal);

    private static async Task<RedactionProgress> RunAsync<TEntity, TKey>(HistoryRun run, object? resumeAfter, CancellationToken cancellationToken)
        where TEntity : class
    {
        var walk = new RedactionHistoryWalk<TEntity, TKey>(run.Context, run.Redaction, run.EntityType, run.Properties, run.KeyProperty, run.BatchSize, run.Progress, resumeAfter);
        var start = resumeAfter is null ? KeysetPosition<TKey>.Start : KeysetPosition<TKey>.After((TKey)resumeAfter);

        // Reads under a system scope: redaction must see the stored text, whatever the caller's scope may read.
        using var scope = Privacy.Current is null ? Privacy.System($"redact stored {run.EntityType.DisplayName()} text") : null;
        await KeysetBatchRunner.RunAsync(run.Context, walk, start, cancellationToken).ConfigureAwait(false);
        return walk.State;
    }

    private sealed record HistoryRun(DbContext Context, RedactionRuntime Redaction, IEntityType EntityType, IProperty[] Properties, IProperty KeyProperty, int BatchSize, IProgress<RedactionProgress>? Progress);
}
