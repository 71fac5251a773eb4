using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Kernel;

/// <summary>
/// What every capability of one application's PrivacyEf runtime may use: the clock, the logger, the declared
/// purposes and grants, the SQL dialect of a context, and the components the composition root registered (each
/// capability's own runtime). Capabilities reach each other's work only through kernel contracts registered
/// here, never by type reference, so the capability folders depend on the kernel alone.
/// </summary>
internal sealed class PrivacyKernel
{
    private readonly Dictionary<Type, object> components = [];
    private bool complete;

    public PrivacyKernel(TimeProvider clock, ILogger logger, PrivacyPolicy policy)
    {
        Clock = clock;
        Logger = logger;
        Policy = policy;
    }

    /// <summary>The application's clock (a fake one in tests).</summary>
    public TimeProvider Clock { get; }

    /// <summary>PrivacyEf's logger; its messages carry ids and counts, never personal values.</summary>
    public ILogger Logger { get; }

    /// <summary>The purposes and grants the application declared.</summary>
    public PrivacyPolicy Policy { get; }

    /// <summary>The one way to find the runtime a context was configured with.</summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <returns>The application's kernel.</returns>
    public static PrivacyKernel Of(DbContext context) =>
        Find(context) ?? throw new InvalidOperationException($"{context.GetType().Name} does not use PrivacyEf: configure it with options.UsePrivacy(serviceProvider).");

    /// <summary>The kernel of a context, or null when the context does not use PrivacyEf.</summary>
    /// <param name="context">Any context.</param>
    /// <returns>The kernel, or null.</returns>
    public static PrivacyKernel? Find(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Find(context.GetService<IDbContextOptions>());
    }

    /// <summary>The kernel of a context's options, or null when they do not use PrivacyEf.</summary>
    /// <param name="options">A context's options.</param>
    /// <returns>The kernel, or null.</returns>
    public static PrivacyKernel? Find(IDbContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var extension in options.Extensions)
        {
            if (extension is IPrivacyKernelSource source)
            {
                return source.Kernel;
            }
        }

        return null;
    }

    /// <summary>Registers a component. Only the composition root calls this, while it builds the runtime.</summary>
    /// <typeparam name="T">The type capabilities look the component up by.</typeparam>
    /// <param name="component">The component.</param>
    public void Register<T>(T component)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(component);
        if (complete)
        {
            throw new InvalidOperationException($"PrivacyEf's runtime is complete; {typeof(T).Name} cannot be registered any more.");
        }

        if (!components.TryAdd(typeof(T), component))
        {
            throw new InvalidOperationException($"PrivacyEf's runtime already has a {typeof(T).Name}.");
        }
    }

    /// <summary>Ends registration: from now on the components never change.</summary>
    public void Complete() => complete = true;

    /// <summary>The component of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component's registered type.</typeparam>
    /// <returns>The component.</returns>
    public T Get<T>()
        where T : class =>
        components.TryGetValue(typeof(T), out var component)
            ? (T)component
            : throw new InvalidOperationException($"PrivacyEf's runtime has no {typeof(T).Name}: the composition root did not register it.");
}
