using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// A database to write access log entries to. Entries are written through a new context of the reading context's
/// type made with the reading context's options, so the log table is mapped exactly as the model maps it (names,
/// schema, provider) and the write never shares a connection or transaction with the query that read.
/// </summary>
internal sealed class AccessLogSink(Type contextType, string? connectionString, IDbContextOptions options) : IEquatable<AccessLogSink>
{
    public Type ContextType { get; } = contextType;

    public string? ConnectionString { get; } = connectionString;

    public IDbContextOptions Options { get; } = options;

    public bool Equals(AccessLogSink? other) =>
        other is not null
        && other.ContextType == ContextType
        && (ConnectionString is null
            ? ReferenceEquals(other.Options, Options)
            : string.Equals(other.ConnectionString, ConnectionString, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as AccessLogSink);

    public override int GetHashCode() => HashCode.Combine(ContextType, ConnectionString);
}
