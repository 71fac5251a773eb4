namespace SupportDesk.Web;

/// <summary>A registration or a sign-in: an e-mail address and a password.</summary>
public sealed record Credentials(string Email, string Password);
