using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access.Logging;
using PrivacyEf.AspNetCore;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.AspNetCore;

/// <summary>A real Kestrel server on a loopback port: each request gets the scope its endpoint and its user call for.</summary>
public sealed class PrivacyScopeMiddlewareTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("privacyef-web-");
    private WebApplication? app;
    private HttpClient? client;

    public async Task InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder(directory);
        builder.Services.AddPrivacy(o =>
        {
            o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity);
            o.Grant("clerk", "billing", PersonalDataCategory.Contact, PersonalDataCategory.Identity, PersonalDataCategory.Financial);
        });
        var database = Path.Combine(directory.FullName, "web.db");
        builder.Services.AddDbContext<AccessDbContext>((sp, options) => options.UseSqlite($"Data Source={database};Pooling=False").UsePrivacy(sp));

        app = builder.Build();

        // Stands in for real authentication: the user and roles come from test headers.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                // As ASP.NET Core Identity signs users in: the stable id, and the e-mail address as the name.
                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.ToString()), new(ClaimTypes.Name, user + "@staff.example") };
                claims.AddRange(context.Request.Headers["X-Test-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role)));
                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
            }

            return next(context);
        });
        app.UseRouting();
        app.UsePrivacyScopes();

        app.MapGet("/support/{id:int}", (int id, AccessDbContext db) => ReadAsync(db, id)).RequirePurpose("support");
        app.MapGet("/billing/{id:int}", [RequirePurpose("billing")] (int id, AccessDbContext db) => ReadAsync(db, id));
        app.MapGet("/open/{id:int}", (int id, AccessDbContext db) => ReadAsync(db, id));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            await db.Database.EnsureCreatedAsync();
            using (Privacy.System("seeding the web test database"))
            {
                db.Patrons.Add(new Patron { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example", Iban = AdaIban });
                await db.SaveChangesAsync();
            }
        }

        client = await LoopbackServer.StartAsync(app);
    }

    [Fact]
    public async Task The_endpoints_purpose_and_the_users_roles_decide_what_the_response_holds()
    {
        var agent = await GetAsync("/support/1", "agent-7", "agent");
        Assert.Equal("ada@analytical.example", agent.Email);
        Assert.Equal(new string('*', 18) + "5555", agent.Iban);

        var clerk = await GetAsync("/billing/1", "clerk-2", "clerk");
        Assert.Equal(AdaIban, clerk.Iban);

        // The right role for the wrong purpose sees no more than its grant for that purpose.
        var clerkOnSupport = await GetAsync("/support/1", "clerk-2", "clerk");
        Assert.Equal("a***@analytical.example", clerkOnSupport.Email);

        // No declared purpose: no scope, nothing personal.
        var open = await GetAsync("/open/1", "clerk-2", "clerk");
        Assert.Equal("A. L.", open.Name);
        Assert.Equal(new string('*', 18) + "5555", open.Iban);

        var anonymous = await GetAsync("/billing/1", user: null, roles: null);
        Assert.Equal(new string('*', 18) + "5555", anonymous.Iban);
    }

    [Fact]
    public async Task Each_request_is_logged_under_its_user_and_purpose()
    {
        await GetAsync("/billing/1", "clerk-2", "clerk");
        await using var scope = app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        await db.FlushAccessLogAsync();
        var entry = Assert.Single(await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "clerk-2").ToListAsync());
        Assert.Equal(("billing", "Patron", "1"), (entry.Purpose, entry.Entity, entry.SubjectIds));
        Assert.Contains("Iban", entry.Properties, StringComparison.Ordinal);

        // The actor is the user's stable id, never the e-mail address the name claim holds.
        Assert.DoesNotContain(await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Select(e => e.Actor).ToListAsync(), actor => actor.Contains('@', StringComparison.Ordinal));
    }

    public Task DisposeAsync() => LoopbackServer.StopAsync(app, directory);

    public void Dispose() => client?.Dispose();

    private const string AdaIban = "GB33BUKB20201555555555";

    private static Task<PatronView> ReadAsync(AccessDbContext db, int id) =>
        db.Patrons.Where(p => p.Id == id).Select(p => new PatronView(p.Name, p.Email, p.Iban)).SingleAsync();

    private async Task<PatronView> GetAsync(string path, string? user, string? roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
            request.Headers.Add("X-Test-Roles", roles);
        }

        using var response = await client!.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PatronView>())!;
    }

    public sealed record PatronView(string Name, string Email, string? Iban);
}
