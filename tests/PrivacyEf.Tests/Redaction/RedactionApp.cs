using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Redaction;

/// <summary>The redaction tests' application: <see cref="RedactionDbContext"/> and a recording observer.</summary>
public sealed class RedactionApp : TestApp<RedactionDbContext>
{
    private RedactionApp(DatabaseTarget target, RecordingObserver observer, TestAppSettings settings)
        : base(target, settings with
        {
            ConfigureServices = services =>
            {
                services.AddSingleton(observer);
                services.AddSingleton<IRedactionObserver>(observer);
            },
        })
    {
        Observer = observer;
    }

    public RecordingObserver Observer { get; }

    public static RedactionApp Create(DatabaseTarget target, Action<PrivacyOptions>? configure = null) =>
        new(target, new RecordingObserver(), new TestAppSettings { ConfigurePrivacy = configure });

    /// <summary>Another instance of this app (same key ring and database, a new service provider), possibly configured differently.</summary>
    public RedactionApp AnotherInstance(DatabaseTarget target, Action<PrivacyOptions>? configure = null) =>
        new(target, new RecordingObserver(), new TestAppSettings { Database = Database, KeyRingDirectory = KeyRingDirectory, ConfigurePrivacy = configure });

    /// <summary>An application that redacts nothing: it writes the history that existed before redaction was turned on.</summary>
    public RedactionApp LegacyInstance(DatabaseTarget target) => AnotherInstance(target, o =>
    {
        foreach (var type in Enum.GetValues<PiiType>())
        {
            o.Redaction.Ignore(type);
        }
    });
}
