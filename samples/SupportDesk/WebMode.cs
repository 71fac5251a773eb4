using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf;
using SupportDesk.Model;

namespace SupportDesk;

/// <summary>
/// <c>dotnet run -- --web</c>: the support desk as a minimal API. Each endpoint declares its purpose; each request
/// gets an access scope from the user's roles and that purpose, so the same query returns what that person may see.
/// </summary>
internal static class WebMode
{
    public static async Task RunAsync(string[] args, string dataDirectory, string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls(args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080");
        builder.Services.AddSupportDeskPrivacy(Path.Combine(dataDirectory, "keys"));
        builder.Services.AddDbContext<SupportDb>((sp, options) => options.UseSqlite($"Data Source={databasePath}").UsePrivacy(sp));
        var app = builder.Build();

        // Demo sign-in only: it stands in for the host's real authentication (cookies, JWT bearer, ...), which sets
        // HttpContext.User with role claims the same way.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Demo-User", out var user))
            {
                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.ToString()), new(ClaimTypes.Name, user.ToString()) };
                claims.AddRange(context.Request.Headers["X-Demo-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r.Trim())));
                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "demo"));
            }

            return next(context);
        });
        app.UseRouting();
        app.UsePrivacyScopes();

        app.MapGet("/support/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Email, c.Phone, c.Iban }).ToListAsync())
            .RequirePurpose("support");
        app.MapGet("/billing/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Iban }).ToListAsync())
            .RequirePurpose("billing");
        app.MapGet("/marketing/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Email }).ToListAsync())
            .RequirePurpose("marketing");

        Console.WriteLine("SupportDesk minimal API (run the console mode first to seed the database). Try:");
        Console.WriteLine("  curl -H 'X-Demo-User: agent-7' -H 'X-Demo-Roles: agent' http://127.0.0.1:5080/support/customers");
        Console.WriteLine("  curl -H 'X-Demo-User: clerk-2' -H 'X-Demo-Roles: clerk' http://127.0.0.1:5080/billing/customers");
        Console.WriteLine("  curl -H 'X-Demo-User: newsletter' -H 'X-Demo-Roles: marketer' http://127.0.0.1:5080/marketing/customers");
        await app.RunAsync();
    }
}
