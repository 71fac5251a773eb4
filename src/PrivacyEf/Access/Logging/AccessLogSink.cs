using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// A database to write access log entries to. Entries are written through a new context of the reading context's
/// type made with the reading context's options, so the log table is mapped exactly as the model maps it (names,
/// schema, provider) and the write never shares a connection or transaction with the query that read.
/// </summary>
internal sealed class AccessLogSink(Type contextType, string? connectionString, IDbContextOptions options) : IEquatable<AccessLogSink>
{
    private static readonly ConditionalWeakTable<IDbContextOptions, IDbContextOptions> Detached = [];

    public Type ContextType { get; } = contextType;

    public string? ConnectionString { get; } = connectionString;

    public IDbContextOptions Options { get; } = Detached.GetValue(options, Detach);

    public bool Equals(AccessLogSink? other) =>
        other is not null
        && other.ContextType == ContextType
        && (ConnectionString is null
            ? ReferenceEquals(other.Options, Options)
            : string.Equals(other.ConnectionString, ConnectionString, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as AccessLogSink);

    public override int GetHashCode() => HashCode.Combine(ContextType, ConnectionString);

    /// <summary>
    /// The options without the application's services: a context from AddDbContext carries its request's scoped
    /// provider, which is disposed with the request, usually before the background writer gets to the entries, and
    /// the root provider is disposed when the application stops, while the writer drains its queue. EF's own internal
    /// services (cached per application) are all the writer's context needs.
    /// </summary>
    private static IDbContextOptions Detach(IDbContextOptions options)
    {
        if (options is not DbContextOptions contextOptions
            || options.FindExtension<CoreOptionsExtension>() is not { ApplicationServiceProvider: not null } core)
        {
            return options;
        }

        return contextOptions.WithExtension(core.WithApplicationServiceProvider(null));
    }
}
