namespace PrivacyEf.Access.Masking;

/// <summary>The fixed texts masks are made of.</summary>
internal static class MaskPlaceholders
{
    /// <summary>Stands for a withheld value where null is not allowed.</summary>
    public const string Hidden = "***";

    /// <summary>The marker of <see cref="MaskStyle.Redacted"/>.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>The prefix of a <see cref="MaskStyle.Pseudonym"/> token.</summary>
    public const string PseudonymPrefix = "psn_";
}
