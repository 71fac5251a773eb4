namespace PrivacyEf;

/// <summary>How a personal value is shown to a reader whose role or purpose does not allow the real value.</summary>
public enum MaskStyle
{
    /// <summary>Chosen by category: e-mail style for contact e-mails, last four for financial, initials for identity names, year only for dates, hidden otherwise.</summary>
    Default = 0,

    /// <summary>The value is withheld entirely (null where allowed, otherwise a fixed placeholder).</summary>
    Hidden = 1,

    /// <summary>The value is replaced by a fixed <c>[REDACTED]</c> marker.</summary>
    Redacted = 2,

    /// <summary>An e-mail address keeps its first letter and domain: <c>j***@example.com</c>.</summary>
    Email = 3,

    /// <summary>Only the last four characters stay visible: <c>************1234</c>.</summary>
    Last4 = 4,

    /// <summary>A name is reduced to its initials: <c>J. D.</c>.</summary>
    Initials = 5,

    /// <summary>A date keeps only its year.</summary>
    YearOnly = 6,

    /// <summary>A stable keyed pseudonym: the same value always gives the same token.</summary>
    Pseudonym = 7,
}
