namespace PrivacyEf;

/// <summary>What the retention purge does with a row whose retention period has ended.</summary>
public enum RetentionAction
{
    /// <summary>The row is deleted.</summary>
    Delete = 0,

    /// <summary>The row stays; its personal properties are cleared or replaced by their masked placeholder.</summary>
    Anonymize = 1,
}
