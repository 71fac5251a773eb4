using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Accounts;

namespace SupportDesk.Web;

/// <summary>
/// A person's own account. Identity's work (register, sign in, lockout, phone change) runs in AddPrivacyIdentity's
/// authentication scope; reads of the account run under the "account" purpose, which shows a person their own row and
/// masks everyone else's.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/register", async (Credentials request, UserManager<SupportUser> users) =>
        {
            var user = new SupportUser { UserName = request.Email, Email = request.Email };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                return Results.ValidationProblem(created.Errors.ToDictionary(e => e.Code, e => new[] { e.Description }));
            }

            var role = await users.AddToRoleAsync(user, "customer");
            return role.Succeeded ? Results.Created($"/account/profile/{user.Id}", new { user.Id }) : Results.Problem(string.Join("; ", role.Errors.Select(e => e.Description)));
        });

        endpoints.MapPost("/account/login", async (Credentials request, SignInManager<SupportUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded ? Results.Ok()
                : result.IsLockedOut ? Results.StatusCode(StatusCodes.Status423Locked)
                : Results.Unauthorized();
        });

        endpoints.MapPost("/account/logout", async (SignInManager<SupportUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Ok();
        });

        // What the cookie says about the signed-in person, after the security-stamp check has rebuilt it.
        endpoints.MapGet("/account/claims", (ClaimsPrincipal user) => new
        {
            Id = user.FindFirstValue(ClaimTypes.NameIdentifier),
            Name = user.FindFirstValue(ClaimTypes.Name),
            Email = user.FindFirstValue(ClaimTypes.Email),
        }).RequireAuthorization();

        endpoints.MapGet("/account/profile", (ClaimsPrincipal user, AccountsDb db) => Profile(db, user.FindFirstValue(ClaimTypes.NameIdentifier)!))
            .RequireAuthorization().RequirePurpose("account");

        // The same query for someone else: what a person may not see of others comes back masked.
        endpoints.MapGet("/account/profile/{id}", (string id, AccountsDb db) => Profile(db, id))
            .RequireAuthorization().RequirePurpose("account");

        endpoints.MapPut("/account/phone", async (PhoneChange request, ClaimsPrincipal principal, UserManager<SupportUser> users, SignInManager<SupportUser> signIn) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            var changed = await users.SetPhoneNumberAsync(user, request.Phone);
            if (!changed.Succeeded)
            {
                return Results.Problem(string.Join("; ", changed.Errors.Select(e => e.Description)));
            }

            // The change renewed the security stamp; a fresh cookie carries the new one.
            await signIn.RefreshSignInAsync(user);
            return Results.NoContent();
        }).RequireAuthorization().RequirePurpose("account");

        endpoints.MapGet("/account/export", async (ClaimsPrincipal user, AccountsDb db) =>
        {
            var export = await db.ExportSubjectAsync<SupportUser>(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
            using var json = new MemoryStream();
            await export.WriteJsonAsync(json);
            return Results.File(json.ToArray(), "application/json", "my-data.json");
        }).RequireAuthorization().RequirePurpose("account");

        endpoints.MapDelete("/account", async (ClaimsPrincipal user, AccountsDb db, SignInManager<SupportUser> signIn) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            await signIn.SignOutAsync();
            var receipt = await db.EraseSubjectAsync<SupportUser>(id);
            return Results.Ok(new { receipt.ErasedAt, receipt.Erased, receipt.Held });
        }).RequireAuthorization().RequirePurpose("account");
    }

    private static Task<AccountProfile?> Profile(AccountsDb db, string id) =>
        db.Users.Where(u => u.Id == id).Select(u => new AccountProfile(u.Id, u.UserName, u.Email, u.PhoneNumber)).SingleOrDefaultAsync();
}
