namespace PrivacyEf;

/// <summary>
/// Hears about every redaction PrivacyEf makes while saving or while redacting stored history: entity,
/// property, types and counts, never the values. Register implementations as singletons in the application's
/// services (the access log does); each is called synchronously, and an exception fails the save.
/// </summary>
public interface IRedactionObserver
{
    /// <summary>Called after a property's text was redacted, before the change is written.</summary>
    /// <param name="redaction">What was redacted.</param>
    void OnRedacted(RedactionEvent redaction);
}
