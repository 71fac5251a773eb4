using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Kernel;

/// <summary>
/// The SQL dialects an application knows, found by the context's database provider: the one place PrivacyEf
/// tells providers apart. A provider is named by the assembly of its options extension (what
/// <c>DatabaseFacade.ProviderName</c> reports), so the runtime needs no reference to any provider package.
/// </summary>
internal sealed class SqlDialects
{
    private readonly Dictionary<string, ISqlDialect> byProvider;

    public SqlDialects(IEnumerable<ISqlDialect> dialects)
    {
        byProvider = dialects.ToDictionary(d => d.ProviderName, StringComparer.Ordinal);
    }

    /// <summary>The providers with a dialect, for messages.</summary>
    public IEnumerable<string> Providers => byProvider.Keys.Order(StringComparer.Ordinal);

    /// <summary>The database provider configured in <paramref name="options"/>, or null when none is yet.</summary>
    /// <param name="options">A context's options.</param>
    /// <returns>The provider's name.</returns>
    public static string? ProviderOf(IDbContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Extensions.FirstOrDefault(e => e.Info.IsDatabaseProvider)?.GetType().Assembly.GetName().Name;
    }

    /// <summary>The dialect of the provider configured in <paramref name="options"/>, or null.</summary>
    /// <param name="options">A context's options.</param>
    /// <returns>The dialect, or null.</returns>
    public ISqlDialect? Find(IDbContextOptions options) =>
        ProviderOf(options) is { } provider && byProvider.TryGetValue(provider, out var dialect) ? dialect : null;

    /// <summary>The dialect of the context's provider, or null.</summary>
    /// <param name="context">Any context.</param>
    /// <returns>The dialect, or null.</returns>
    public ISqlDialect? Find(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Find(context.GetService<IDbContextOptions>());
    }

    /// <summary>
    /// The dialect of the context's provider, for a feature that runs provider-specific SQL. Without one, the feature
    /// is refused here, before any SQL runs, with a message naming the feature and what the provider lacks.
    /// </summary>
    /// <param name="context">The context the feature runs on.</param>
    /// <param name="feature">The feature, as the caller knows it (a method name).</param>
    /// <param name="needs">What the feature needs from the dialect, in plain words.</param>
    /// <returns>The dialect.</returns>
    /// <exception cref="InvalidOperationException">The provider has no dialect.</exception>
    public ISqlDialect Require(DbContext context, string feature, string needs)
    {
        if (Find(context) is { } dialect)
        {
            return dialect;
        }

        var provider = ProviderOf(context.GetService<IDbContextOptions>()) ?? "(none configured)";
        var kind = context.Database.IsRelational() ? "" : $" ({provider} is not a relational database)";
        throw new InvalidOperationException(
            $"{feature} needs a SQL dialect for the provider {provider}{kind}, and PrivacyEf has none: it needs {needs}. "
            + $"PrivacyEf has SQL dialects for {(byProvider.Count == 0 ? "no provider" : string.Join(" and ", Providers))}; other providers run encryption, masking and redaction, but not {feature}.");
    }
}
