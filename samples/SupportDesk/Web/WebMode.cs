using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Accounts;
using SupportDesk.Model;

namespace SupportDesk.Web;

/// <summary>
/// <c>dotnet run -- --web</c>: the support desk as a minimal API with ASP.NET Core Identity. An agent, a clerk and
/// customers sign in; the same query returns what each may see, and a customer sees their own account unmasked.
/// </summary>
internal static class WebMode
{
    public static async Task RunAsync(string[] args, string dataDirectory, string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var url = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080";
        builder.WebHost.UseUrls(url);
        builder.Services.AddSupportDeskPrivacy(Path.Combine(dataDirectory, "keys"));
        builder.Services.AddSqliteSupportDb($"Data Source={databasePath}");
        builder.Services.AddSqliteAccountsDb($"Data Source={Path.Combine(dataDirectory, "accounts.db")}");
        builder.Services.AddSupportDeskWeb<AccountsDb>();
        var app = builder.Build();
        app.UseSupportDeskWeb();

        var staff = await SeedAsync(app.Services);
        Console.WriteLine("SupportDesk minimal API with ASP.NET Core Identity (run the console mode first to seed the customers).");
        Console.WriteLine("Staff accounts of this run (passwords are new each run):");
        foreach (var (email, password, role) in staff)
        {
            Console.WriteLine($"  {role,-6} {email}  {password}");
        }

        Console.WriteLine("Try (a cookie jar keeps each person signed in):");
        Console.WriteLine($"  curl -c agent.txt -H 'Content-Type: application/json' -d '{{\"email\":\"{staff[0].Email}\",\"password\":\"{staff[0].Password}\"}}' {url}/account/login");
        Console.WriteLine($"  curl -b agent.txt {url}/support/customers      # names, e-mails and phones; IBANs masked");
        Console.WriteLine($"  curl -c clerk.txt -H 'Content-Type: application/json' -d '{{\"email\":\"{staff[1].Email}\",\"password\":\"{staff[1].Password}\"}}' {url}/account/login");
        Console.WriteLine($"  curl -b clerk.txt {url}/billing/customers      # IBANs too");
        Console.WriteLine($"  curl -H 'Content-Type: application/json' -d '{{\"email\":\"ada@example.com\",\"password\":\"Correct-Horse-9\"}}' {url}/account/register");
        Console.WriteLine($"  curl -c ada.txt -H 'Content-Type: application/json' -d '{{\"email\":\"ada@example.com\",\"password\":\"Correct-Horse-9\"}}' {url}/account/login");
        Console.WriteLine($"  curl -b ada.txt {url}/account/profile          # her own account, unmasked");
        Console.WriteLine($"  curl -b ada.txt {url}/account/export           # everything held on her (credentials withheld)");
        await app.RunAsync();
    }

    /// <summary>Migrates both databases and gives the agent and the clerk accounts with fresh passwords.</summary>
    private static async Task<List<(string Email, string Password, string Role)>> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SupportDb>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { "agent", "clerk", "customer" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<SupportUser>>();
        var staff = new List<(string, string, string)>();
        foreach (var (email, role) in new[] { ("agent@supportdesk.example", "agent"), ("clerk@supportdesk.example", "clerk") })
        {
            var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new SupportUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
            }
            else
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }

            staff.Add((email, password, role));
        }

        return staff;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
