using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Accounts;

/// <summary>
/// The sign-in database (ASP.NET Core Identity's tables), kept apart from the support data: a database of its own with
/// its own key table and access log. Nothing privacy-specific here either.
/// </summary>
public class AccountsDb : IdentityDbContext<SupportUser, IdentityRole, string>
{
    public AccountsDb(DbContextOptions<AccountsDb> options)
        : base(options)
    {
    }

    /// <summary>For provider-specific subclasses, which carry their own migrations.</summary>
    protected AccountsDb(DbContextOptions options)
        : base(options)
    {
    }
}
