using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Commands;

/// <summary>A context for one command run, with the service scope it came from; disposing it releases both.</summary>
/// <typeparam name="TContext">The application's context.</typeparam>
internal sealed class ContextLease<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly AsyncServiceScope scope;
    private readonly bool ownsContext;

    private ContextLease(AsyncServiceScope scope, TContext context, bool ownsContext)
    {
        this.scope = scope;
        Context = context;
        this.ownsContext = ownsContext;
    }

    public TContext Context { get; }

    public static async Task<ContextLease<TContext>> OpenAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            // A factory-made context belongs to its caller; a scoped one belongs to the scope.
            if (scope.ServiceProvider.GetService<IDbContextFactory<TContext>>() is { } factory)
            {
                return new ContextLease<TContext>(scope, await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false), ownsContext: true);
            }

            return new ContextLease<TContext>(scope, scope.ServiceProvider.GetRequiredService<TContext>(), ownsContext: false);
        }
        catch
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsContext)
        {
            await Context.DisposeAsync().ConfigureAwait(false);
        }

        await scope.DisposeAsync().ConfigureAwait(false);
    }
}
