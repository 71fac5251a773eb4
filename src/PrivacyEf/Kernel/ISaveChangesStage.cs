using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Kernel;

/// <summary>
/// One step of the write pipeline, which runs in <c>SaveChanges</c> before EF builds its commands. Stages live in
/// their capability's folder; the composition root declares their order in one list.
/// </summary>
internal interface ISaveChangesStage
{
    /// <summary>Works on the change tracker before EF builds its commands.</summary>
    /// <param name="context">The saving context.</param>
    /// <param name="async">Whether the save is asynchronous (a synchronous save must not block on async I/O).</param>
    /// <param name="cancellationToken">Cancels the stage.</param>
    /// <returns>A task that completes when the stage is done.</returns>
    ValueTask BeforeSaveAsync(DbContext context, bool async, CancellationToken cancellationToken);

    /// <summary>Runs after EF saved the changes.</summary>
    /// <param name="context">The context that saved.</param>
    void AfterSave(DbContext context)
    {
    }
}
