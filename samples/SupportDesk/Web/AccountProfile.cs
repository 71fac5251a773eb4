namespace SupportDesk.Web;

/// <summary>An account as its owner (or, masked, anyone else) sees it.</summary>
public sealed record AccountProfile(string Id, string? UserName, string? Email, string? Phone);
