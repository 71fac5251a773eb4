using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Tests.AspNetCore;

/// <summary>A real Kestrel server on a free loopback port, with its key ring and database in a directory of its own.</summary>
internal static class LoopbackServer
{
    public static WebApplicationBuilder CreateBuilder(DirectoryInfo directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddDataProtection().PersistKeysToFileSystem(directory.CreateSubdirectory("keys"));
        return builder;
    }

    /// <returns>A client for the started server's address.</returns>
    public static async Task<HttpClient> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    public static async Task StopAsync(WebApplication? app, DirectoryInfo directory)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Temp cleanup gets it later.
        }
    }
}
