namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>
/// A user class as a library declares it (shaped like ASP.NET Core Identity's <c>IdentityUser</c>): no PrivacyEf
/// attributes, and an application cannot add any, so its personal properties are declared fluently.
/// </summary>
public class LibraryUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public virtual string? UserName { get; set; }

    public virtual string? NormalizedUserName { get; set; }

    public virtual string? Email { get; set; }

    public virtual string? NormalizedEmail { get; set; }

    public virtual string? PhoneNumber { get; set; }

    public virtual string? PasswordHash { get; set; }
}
