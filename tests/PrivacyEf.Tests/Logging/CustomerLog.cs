using Microsoft.Extensions.Logging;

namespace PrivacyEf.Tests.Logging;

/// <summary>The log calls of the tests, written as an application writes them.</summary>
public static partial class CustomerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Customer signed in")]
    public static partial void SignedIn(ILogger logger, [LogProperties] LoggedCustomer customer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset sent to {Email}")]
    public static partial void ResetSent(ILogger logger, [Personal(PersonalDataCategory.Contact)] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password changed to {Password}")]
    public static partial void PasswordChanged(ILogger logger, [Personal(PersonalDataCategory.Credentials)] string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lookup key {Key}")]
    public static partial void LookedUp(ILogger logger, [UnlistedPrivacyClassification] string key);
}
