using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Kernel;

/// <summary>
/// The one <c>SaveChanges</c> interceptor: runs the write pipeline's stages in the order they were declared, so
/// steps that depend on each other (authorize before a blind index is computed) never depend on the order
/// interceptors happen to be registered in.
/// </summary>
internal sealed class SaveChangesPipeline(IReadOnlyList<ISaveChangesStage> stages) : SaveChangesInterceptor
{
    public IReadOnlyList<ISaveChangesStage> Stages { get; } = stages;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var autoDetect = DetectOnce(context);
            try
            {
                foreach (var stage in Stages)
                {
                    var pending = stage.BeforeSaveAsync(context, async: false, CancellationToken.None);

                    // With async: false a stage completes synchronously; a failed one rethrows here.
                    if (!pending.IsCompletedSuccessfully)
                    {
                        pending.AsTask().GetAwaiter().GetResult();
                    }
                }
            }
            finally
            {
                context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var autoDetect = DetectOnce(context);
            try
            {
                foreach (var stage in Stages)
                {
                    await stage.BeforeSaveAsync(context, async: true, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData);
        return ValueTask.FromResult(result);
    }

    private void AfterSave(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            foreach (var stage in Stages)
            {
                stage.AfterSave(context);
            }
        }
    }

    /// <summary>
    /// Detects changes once for all stages (when the context detects them automatically) and switches automatic
    /// detection off while they run: each <c>ChangeTracker.Entries()</c> would otherwise walk every tracked entity
    /// again. Stages change values only through EF's entries, which keep the state current. EF detects once more
    /// after the stages, so a change a stage made to an entity object directly is not lost either.
    /// </summary>
    /// <returns>Whether the context detected changes automatically, to be restored after the stages.</returns>
    private static bool DetectOnce(Microsoft.EntityFrameworkCore.DbContext context)
    {
        var autoDetect = context.ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            context.ChangeTracker.DetectChanges();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return autoDetect;
    }
}
