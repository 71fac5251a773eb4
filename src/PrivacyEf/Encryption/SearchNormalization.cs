namespace PrivacyEf;

/// <summary>How a searchable value is normalized before its blind index is computed.</summary>
public enum SearchNormalization
{
    /// <summary>Exact match: the value is indexed as it is.</summary>
    None = 0,

    /// <summary>Leading and trailing white space is ignored.</summary>
    Trim = 1,

    /// <summary>White space around the value and letter case are ignored (invariant culture), as for e-mail addresses.</summary>
    CaseInsensitive = 2,
}
