using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>The storage tests' application: <see cref="TestDbContext"/>, reads outside a scope disclosed.</summary>
public sealed class PrivacyApp : TestApp<TestDbContext>
{
    private PrivacyApp(DatabaseTarget target, TestAppSettings settings)
        : base(target, settings)
    {
    }

    public static PrivacyApp Create(DatabaseTarget target, string? database = null, string? keyRingDirectory = null, Action<PrivacyOptions>? configure = null, TimeProvider? clock = null) =>
        new(target, new TestAppSettings { Database = database, KeyRingDirectory = keyRingDirectory, ConfigurePrivacy = configure, Clock = clock });

    /// <summary>A second instance of this app: same key ring, same database, its own service provider.</summary>
    public PrivacyApp AnotherInstance(DatabaseTarget target, Action<PrivacyOptions>? configure = null, TimeProvider? clock = null) =>
        Create(target, Database, KeyRingDirectory, configure, clock);
}
