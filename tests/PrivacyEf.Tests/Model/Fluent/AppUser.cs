namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>The application's user, derived from a library's class; it annotates nothing either.</summary>
public class AppUser : LibraryUser
{
    public string? DisplayName { get; set; }
}
