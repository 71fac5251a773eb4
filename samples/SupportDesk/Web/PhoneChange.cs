namespace SupportDesk.Web;

/// <summary>A new phone number for the signed-in person's account.</summary>
public sealed record PhoneChange(string Phone);
