using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyEf.Access;
using PrivacyEf.Encryption;
using PrivacyEf.SubjectRights;
using PrivacyEf.Redaction;

namespace PrivacyEf.Infrastructure;

/// <summary>
/// Everything PrivacyEf holds for one application (one service provider): options, keys and the
/// interceptors that enforce them. Every DbContext configured with <c>UsePrivacy(sp)</c> on that provider
/// shares it; contexts of another provider never see it.
/// </summary>
internal sealed class PrivacyRuntime : IDisposable
{
    public PrivacyRuntime(IOptions<PrivacyOptions> options, IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null)
    {
        Options = options.Value;
        TimeProvider = timeProvider;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("PrivacyEf");
        KeyRing = new DataKeyRing(dataProtection, timeProvider, Options.KeyRefreshInterval, logger);
        Redaction = new RedactionRuntime(Options.Redaction, dataProtection, services, logger);
        Access = new AccessRuntime(Options, timeProvider, logger);

        // Redaction first: the later interceptors see (and index) the redacted text.
        Interceptors = [new RedactionSaveChangesInterceptor(Redaction), new PrivacySaveChangesInterceptor(this), new KeySourceInterceptor(KeyRing), new EncryptedQueryInterceptor(KeyRing), new SqliteSecureDeleteInterceptor(), .. Access.Interceptors];
    }

    public PrivacyOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public DataKeyRing KeyRing { get; }

    public IReadOnlyList<IInterceptor> Interceptors { get; }

    public RedactionRuntime Redaction { get; }

    public AccessRuntime Access { get; }

    public void Dispose()
    {
        Access.Dispose();
        KeyRing.Dispose();
    }
}
