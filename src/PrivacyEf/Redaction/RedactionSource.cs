namespace PrivacyEf;

/// <summary>Where a redaction happened.</summary>
public enum RedactionSource
{
    /// <summary>In <c>SaveChanges</c>, on an added or modified entity.</summary>
    SaveChanges,

    /// <summary>In <c>RedactExistingAsync</c>, on a stored row.</summary>
    History,
}
