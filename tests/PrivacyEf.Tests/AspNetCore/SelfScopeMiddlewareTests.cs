using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.AspNetCore;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.AspNetCore;

/// <summary>
/// A real Kestrel server: a signed-in shopper is the data subject their id claim names, so an endpoint whose purpose
/// allows the self shows them their own data, and only theirs, and lets them change it.
/// </summary>
public sealed class SelfScopeMiddlewareTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("privacyef-self-web-");
    private WebApplication? app;
    private HttpClient? client;

    public async Task InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder(directory);
        builder.Services.AddPrivacy(o => o.Purpose("account").AllowSelf(PersonalDataCategory.Identity));
        var database = Path.Combine(directory.FullName, "self.db");
        builder.Services.AddDbContext<KindsDbContext>((sp, options) => options.UseSqlite($"Data Source={database};Pooling=False").UsePrivacy(sp));

        app = builder.Build();

        // Stands in for a sign-in: an authenticated user whose stable id is the header's value.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], "test"));
            }
            else if (context.Request.Headers.TryGetValue("X-Unauthenticated-Claim", out var claimed))
            {
                // A claim on an identity nobody signed in: no authentication type, so not authenticated.
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, claimed.ToString())]));
            }

            return next(context);
        });
        app.UseRouting();
        app.UsePrivacyScopes(o => o.SelfFromClaim<Shopper>());

        app.MapGet("/account/shoppers", (KindsDbContext db) => db.Shoppers.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name).ToListAsync()).RequirePurpose("account");
        app.MapPut("/account/shoppers/{id:int}", async (int id, string name, KindsDbContext db) =>
        {
            (await db.Shoppers.SingleAsync(s => s.Id == id)).Name = name;
            try
            {
                await db.SaveChangesAsync();
                return Results.NoContent();
            }
            catch (PrivacyAccessDeniedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }).RequirePurpose("account");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KindsDbContext>();
            await db.Database.EnsureCreatedAsync();
            using (Privacy.System("seeding the web test database"))
            {
                db.Shoppers.AddRange(new Shopper { Id = 1, Name = "Ada Shopper" }, new Shopper { Id = 2, Name = "Bea Shopper" });
                await db.SaveChangesAsync();
            }
        }

        client = await LoopbackServer.StartAsync(app);
    }

    [Fact]
    public async Task A_signed_in_shopper_sees_their_own_name_and_only_theirs()
    {
        Assert.Equal(["Ada Shopper", "B. S."], await GetNamesAsync("X-Test-User", "1"));
        Assert.Equal(["A. S.", "Bea Shopper"], await GetNamesAsync("X-Test-User", "2"));
        Assert.Equal(["A. S.", "B. S."], await GetNamesAsync("X-Unauthenticated-Claim", "1"));
        Assert.Equal(["A. S.", "B. S."], await GetNamesAsync(header: null, value: null));
    }

    [Fact]
    public async Task A_signed_in_shopper_changes_their_own_name_and_not_anothers()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await PutNameAsync(1, "Ada Lovelace", user: "1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutNameAsync(2, "Mallory", user: "1")).StatusCode);

        await using var scope = app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KindsDbContext>();
        using (Privacy.System("test: what is stored"))
        {
            Assert.Equal(["Ada Lovelace", "Bea Shopper"], await db.Shoppers.OrderBy(s => s.Id).Select(s => s.Name).ToListAsync());
        }
    }

    public Task DisposeAsync() => LoopbackServer.StopAsync(app, directory);

    public void Dispose() => client?.Dispose();

    private async Task<List<string>> GetNamesAsync(string? header, string? value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/shoppers");
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using var response = await client!.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<string>>())!;
    }

    private async Task<HttpResponseMessage> PutNameAsync(int id, string name, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/account/shoppers/{id}?name={Uri.EscapeDataString(name)}");
        request.Headers.Add("X-Test-User", user);
        return await client!.SendAsync(request);
    }
}
