using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Shapes.Matrix;
using SupportDesk.Accounts;
using SupportDesk.Web;

namespace PrivacyEf.Tests.Identity;

/// <summary>
/// Issue 18's acceptance, end to end on Kestrel through the sample's web mode: register, sign in, lockout after five
/// wrong passwords, the security-stamp check after its interval, a phone change, one's own profile unmasked beside
/// another's masked, export and erasure; then a raw scan of the database for any e-mail, phone or user name in plaintext.
/// </summary>
public abstract class IdentityEndToEndTests<TAccountsDb> : IAsyncLifetime
    where TAccountsDb : AccountsDb
{
    private const string AlicePassword = "Alice-Pass-1";
    private const string BobPassword = "Bob-Pass-22";
    private readonly string keys = Path.Combine(Path.GetTempPath(), "privacyef-identity-" + Guid.NewGuid().ToString("N"));
    private readonly string alice = $"alice.{Guid.NewGuid():N}@example.com";
    private readonly string bob = $"bob.{Guid.NewGuid():N}@example.org";

    protected abstract void RequireAvailable();

    protected abstract void AddDatabases(IServiceCollection services);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }

        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task A_customer_lives_through_Identity_and_nothing_is_stored_in_plaintext()
    {
        RequireAvailable();
        await using var factory = new SupportDeskWebFactory<TAccountsDb>(keys, AddDatabases);
        factory.UseKestrel(0);
        factory.StartServer();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TAccountsDb>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole("customer"));
        }

        using var aliceClient = NewClient(factory);
        using var bobClient = NewClient(factory);
        var aliceId = await RegisterAsync(aliceClient, alice, AlicePassword);
        var bobId = await RegisterAsync(bobClient, bob, BobPassword);

        // Sign in; the cookie's claims are the real name and e-mail, built from values read in the authentication scope.
        Assert.Equal(HttpStatusCode.OK, (await aliceClient.PostAsJsonAsync("/account/login", new Credentials(alice, AlicePassword))).StatusCode);
        var claims = await aliceClient.GetFromJsonAsync<JsonElement>("/account/claims");
        Assert.Equal(aliceId, claims.GetProperty("id").GetString());
        Assert.Equal(alice, claims.GetProperty("name").GetString());
        Assert.Equal(alice, claims.GetProperty("email").GetString());

        // Lockout: four wrong passwords are refused, the fifth locks, and then even the right one is refused.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bobClient.PostAsJsonAsync("/account/login", new Credentials(bob, "wrong-" + attempt))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Locked, (await bobClient.PostAsJsonAsync("/account/login", new Credentials(bob, "wrong-5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await bobClient.PostAsJsonAsync("/account/login", new Credentials(bob, BobPassword))).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<TAccountsDb>().Users.AsNoTracking()
                .Where(u => u.Id == bobId).Select(u => u.LockoutEnd).SingleAsync();
            Assert.NotNull(stored);
        }

        // After the validation interval the security-stamp check reloads Alice (before UsePrivacyScopes runs), renews her
        // cookie, and her claims are still real.
        factory.Clock.Advance(SupportDeskWebFactory<TAccountsDb>.StampInterval + TimeSpan.FromMinutes(1));
        var revalidated = await aliceClient.GetAsync("/account/claims");
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.True(revalidated.Headers.Contains("Set-Cookie"), "The security-stamp check did not run: no renewed cookie.");
        claims = await revalidated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(alice, claims.GetProperty("name").GetString());
        Assert.Equal(alice, claims.GetProperty("email").GetString());

        // A phone change goes through Identity's validation of the (real) user name and is saved.
        const string phone = "+49 30 1234 5678";
        Assert.Equal(HttpStatusCode.NoContent, (await aliceClient.PutAsJsonAsync("/account/phone", new PhoneChange(phone))).StatusCode);

        // Her own profile unmasked; Bob's, through the same endpoint and purpose, masked.
        var own = await aliceClient.GetFromJsonAsync<AccountProfile>("/account/profile");
        Assert.Equal(new AccountProfile(aliceId, alice, alice, phone), own);
        var other = await aliceClient.GetFromJsonAsync<AccountProfile>($"/account/profile/{bobId}");
        Assert.NotNull(other);
        Assert.Equal(bobId, other.Id);
        Assert.NotEqual(bob, other.Email);
        Assert.NotEqual(bob, other.UserName);
        Assert.DoesNotContain(bob.Split('@')[0][1..], other.Email ?? "", StringComparison.Ordinal);

        // Export: her account, her role membership; her password hash and security stamp said to be held, not handed out.
        var export = await aliceClient.GetStringAsync("/account/export");
        using (var json = JsonDocument.Parse(export))
        {
            var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("entity").GetString()!, e => e.GetProperty("rows"));
            var account = entities[nameof(SupportUser)].EnumerateArray().Single();
            Assert.Equal(alice, account.GetProperty("Email").GetProperty("value").GetString());
            Assert.Equal(phone, account.GetProperty("PhoneNumber").GetProperty("value").GetString());
            Assert.Equal(JsonValueKind.Null, account.GetProperty("PasswordHash").GetProperty("value").ValueKind);
            Assert.True(account.GetProperty("PasswordHash").TryGetProperty("withheld", out _));
            Assert.Equal(JsonValueKind.Null, account.GetProperty("SecurityStamp").GetProperty("value").ValueKind);
            Assert.Contains(entities.Keys, name => name.StartsWith("IdentityUserRole", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("AQAAAA", export, StringComparison.Ordinal); // Identity's password hash format marker.

        // Erasure: her rows go, Bob's stay.
        Assert.Equal(HttpStatusCode.OK, (await aliceClient.DeleteAsync("/account")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TAccountsDb>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == aliceId));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == aliceId));
            Assert.True(await db.Users.AnyAsync(u => u.Id == bobId));

            // Nothing in plaintext, in any table, the access log included: not the e-mails (as typed or normalized),
            // not the phone, not the user names (which are the e-mails).
            var scan = await RawDatabaseScan.ReadAsync(db);
            scan.AssertFound(bobId);
            foreach (var secret in new[] { alice, bob, alice.ToUpperInvariant(), bob.ToUpperInvariant(), phone, "1234 5678" })
            {
                scan.AssertNotFound(secret);
            }

            // Identity's work was logged under its purpose, by a stable id or the sign-in actor, never by an e-mail.
            var log = await db.Database.SqlQueryRaw<string>("SELECT \"Actor\" || '|' || \"Purpose\" AS \"Value\" FROM privacy_access_log").ToListAsync();
            Assert.Contains(log, entry => entry.EndsWith("|authentication", StringComparison.Ordinal));
            Assert.DoesNotContain(log, entry => entry.Contains('@', StringComparison.Ordinal));
        }
    }

    // Kestrel listens on a port of its choosing: the clients go there, over a real socket.
    private static HttpClient NewClient(SupportDeskWebFactory<TAccountsDb> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        });

    private static async Task<string> RegisterAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/account/register", new Credentials(email, password));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
