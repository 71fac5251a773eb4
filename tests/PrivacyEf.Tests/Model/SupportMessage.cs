namespace PrivacyEf.Tests.Model;

/// <summary>A chat message of a support conversation: free text that is redacted on save, once plain and once also encrypted.</summary>
public class SupportMessage
{
    public int Id { get; set; }

    public string Author { get; set; } = "";

    [Personal(PersonalDataCategory.FreeText, Redact = true)]
    public string Body { get; set; } = "";

    [Personal(PersonalDataCategory.FreeText, Redact = true, Encrypt = true)]
    public string? PrivateNote { get; set; }

    // Not annotated: stays exactly as written, card number or not.
    public string Subject { get; set; } = "";
}
