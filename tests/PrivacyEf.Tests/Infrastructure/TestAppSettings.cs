namespace PrivacyEf.Tests.Infrastructure;

/// <summary>How a <see cref="TestApp{TContext}"/> is set up; each property left at its default gives the common case.</summary>
public sealed record TestAppSettings
{
    /// <summary>The database's name; null for a new one.</summary>
    public string? Database { get; init; }

    /// <summary>The Data Protection key ring's directory; null for a new one the app owns and deletes.</summary>
    public string? KeyRingDirectory { get; init; }

    /// <summary>Data Protection's application name: apps with the same one and the same directory share keys.</summary>
    public string ApplicationName { get; init; } = "PrivacyEf.Tests";

    /// <summary>
    /// Whether reads outside a scope see the values. Most tests are about what is stored, not about access; the access
    /// tests keep PrivacyEf's default, which masks them.
    /// </summary>
    public bool DiscloseWithoutScope { get; init; } = true;

    /// <summary>The application's clock; null for the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Further PrivacyEf options, applied after the ones above.</summary>
    public Action<PrivacyOptions>? ConfigurePrivacy { get; init; }

    /// <summary>Further services (a hosted purge, an observer).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
