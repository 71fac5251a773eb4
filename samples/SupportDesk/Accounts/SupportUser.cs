using Microsoft.AspNetCore.Identity;

namespace SupportDesk.Accounts;

/// <summary>
/// A person who signs in to the support desk: an agent, a clerk or a customer. Nothing privacy-specific here:
/// AddPrivacyIdentity declares Identity's personal columns.
/// </summary>
public class SupportUser : IdentityUser
{
}
