using PrivacyEf;

namespace SupportDesk.Model;

/// <summary>A message in a support chat. Its text is redacted before it is saved: no card number, IBAN or password reaches the database.</summary>
public class ChatMessage
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public string Author { get; set; } = "";

    [Personal(PersonalDataCategory.FreeText, Redact = true)]
    public string Text { get; set; } = "";
}
