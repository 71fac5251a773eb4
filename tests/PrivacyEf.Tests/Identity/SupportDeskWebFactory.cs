using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SupportDesk.Accounts;
using SupportDesk.Model;
using SupportDesk.Web;

namespace PrivacyEf.Tests.Identity;

/// <summary>
/// The sample's web mode (<see cref="SupportDeskWeb"/>) on Kestrel, on the databases a test gives it, with a clock the
/// test moves for the security-stamp check.
/// </summary>
public sealed class SupportDeskWebFactory<TAccountsDb>(string keyRingDirectory, Action<IServiceCollection> addDatabases) : WebApplicationFactory<SupportUser>
    where TAccountsDb : AccountsDb
{
    public static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(30);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureWebHostDefaults(web => web
                .UseContentRoot(AppContext.BaseDirectory)
                .ConfigureServices(services =>
                {
                    services.AddSupportDeskPrivacy(keyRingDirectory);
                    addDatabases(services);
                    services.AddSupportDeskWeb<TAccountsDb>();
                    services.Configure<SecurityStampValidatorOptions>(o =>
                    {
                        o.ValidationInterval = StampInterval;
                        o.TimeProvider = Clock;
                    });
                })
                .Configure(app => app.UseSupportDeskWeb()));
}
