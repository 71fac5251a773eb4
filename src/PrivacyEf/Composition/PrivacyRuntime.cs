using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyEf.Access;
using PrivacyEf.Access.Logging;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;
using PrivacyEf.Redaction;
using PrivacyEf.SubjectRights;

namespace PrivacyEf.Composition;

/// <summary>
/// Everything PrivacyEf holds for one application (one service provider): the kernel, each capability's runtime,
/// and the two pipelines that run them. The only code that knows every capability. Every DbContext configured with
/// <c>UsePrivacy(sp)</c> on that provider shares it; contexts of another provider never see it.
/// </summary>
internal sealed class PrivacyRuntime : IDisposable
{
    public PrivacyRuntime(IOptions<PrivacyOptions> options, IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null)
    {
        Options = options.Value;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("PrivacyEf");
        Kernel = new PrivacyKernel(timeProvider, logger, Options.Policy);
        KeyRing = new DataKeyRing(dataProtection, timeProvider, Options.KeyRefreshInterval, logger);
        PseudonymKeys = new PseudonymKeySource(Options.Redaction.PseudonymKey, dataProtection, () => services?.GetService<IKeyManager>());
        Redaction = new RedactionRuntime(Options.Redaction, PseudonymKeys, services, logger);
        var dialects = new SqlDialects(Options.SqlDialects);
        Access = new AccessRuntime(Options.Policy, Options.Access, timeProvider, PseudonymKeys, dialects, logger);

        // Queued access log entries are written when the host starts to stop, while the database is surely still
        // reachable; what in-flight requests disclose after that is written when the runtime is disposed.
        services?.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(Access.Writer.FlushForShutdown);
        Kernel.Register(dialects);
        Kernel.Register(PseudonymKeys);
        Kernel.Register(KeyRing);
        Kernel.Register(Redaction);
        Kernel.Register(Access);
        Kernel.Register<IBulkWritePreparation>(new EncryptedBulkWritePreparation(KeyRing));
        Kernel.Complete();

        WritePipeline = new SaveChangesPipeline(Pipelines.WriteStages(this));
        ReadPipeline = new QueryRewritePipeline(Pipelines.ReadStages(this));
        Interceptors =
        [
            WritePipeline,
            ReadPipeline,
            new KeySourceInterceptor(KeyRing),
            new SecureDeleteInterceptor(dialects),
            new AccessLogCommandInterceptor(Access),
        ];
    }

    public PrivacyOptions Options { get; }

    public PrivacyKernel Kernel { get; }

    public DataKeyRing KeyRing { get; }

    /// <summary>The one source of pseudonym keys, for masking and redaction (each under its own purpose).</summary>
    public PseudonymKeySource PseudonymKeys { get; }

    public RedactionRuntime Redaction { get; }

    public AccessRuntime Access { get; }

    public SaveChangesPipeline WritePipeline { get; }

    public QueryRewritePipeline ReadPipeline { get; }

    public IReadOnlyList<IInterceptor> Interceptors { get; }

    public void Dispose()
    {
        Access.Dispose();
        KeyRing.Dispose();
    }
}
