using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyEf.Access;
using PrivacyEf.Encryption;

namespace PrivacyEf.Infrastructure;

/// <summary>
/// Everything PrivacyEf holds for one application (one service provider): options, keys and the
/// interceptors that enforce them. Every DbContext configured with <c>UsePrivacy(sp)</c> on that provider
/// shares it; contexts of another provider never see it.
/// </summary>
internal sealed class PrivacyRuntime : IDisposable
{
    public PrivacyRuntime(IOptions<PrivacyOptions> options, IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        Options = options.Value;
        TimeProvider = timeProvider;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("PrivacyEf");
        KeyRing = new DataKeyRing(dataProtection, timeProvider, logger);
        Access = new AccessRuntime(Options, timeProvider, logger);
        Interceptors = [new PrivacySaveChangesInterceptor(this), new KeySourceInterceptor(KeyRing), .. Access.Interceptors];
    }

    public PrivacyOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public DataKeyRing KeyRing { get; }

    public IReadOnlyList<IInterceptor> Interceptors { get; }

    public AccessRuntime Access { get; }

    public void Dispose()
    {
        Access.Dispose();
        KeyRing.Dispose();
    }
}
