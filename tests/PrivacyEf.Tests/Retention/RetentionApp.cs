using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Retention.Model;

namespace PrivacyEf.Tests.Retention;

/// <summary>
/// The retention tests' application: <see cref="RetentionDbContext"/>, with a key ring of its own application name
/// (shared with the purger the tests start as a child process); <c>configureServices</c> adds what a test needs
/// (the hosted purge).
/// </summary>
public sealed class RetentionApp(DatabaseTarget target, string? database = null, string? keyRingDirectory = null, Action<IServiceCollection>? configureServices = null)
    : TestApp<RetentionDbContext>(target, new TestAppSettings { Database = database, KeyRingDirectory = keyRingDirectory, ApplicationName = ApplicationName, ConfigureServices = configureServices })
{
    public const string ApplicationName = "PrivacyEf.Tests.Retention";

    public RetentionApp AnotherInstance() => new(Target, Database, KeyRingDirectory);
}
