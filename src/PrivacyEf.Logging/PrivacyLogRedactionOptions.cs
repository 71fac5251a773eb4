namespace PrivacyEf;

/// <summary>
/// How <c>AddPrivacyLogRedaction</c> writes PrivacyEf-classified values in logs. Every category is erased (the value
/// leaves nothing in the line) unless it is <see cref="Pseudonymize">pseudonymized</see>; free text is left to the
/// application unless <see cref="RedactFreeText"/> is on.
/// </summary>
/// <remarks>
/// The mapping, per <see cref="PrivacyTaxonomy"/> classification (one per <see cref="PersonalDataCategory"/>, and
/// <see cref="PrivacyTaxonomy.Uncategorized"/>):
/// <list type="bullet">
/// <item><description>default: erased (<c>ErasingRedactor</c>);</description></item>
/// <item><description>what <c>[LoggerMessage]</c> methods log (a <c>[Personal(...)]</c> parameter, the annotated
/// properties of a <c>[LogProperties]</c> argument) is <see cref="PrivacyTaxonomy.Uncategorized"/>: Microsoft's logging
/// generator creates classification attributes without their arguments, so the category does not reach the logger.
/// <see cref="PseudonymizeUncategorized"/> is the switch for those values;</description></item>
/// <item><description>pseudonymized: the <see cref="MaskStyle.Pseudonym"/> mask of the value (<c>psn_</c> and 16 hex
/// digits of HMAC-SHA256 under the application's masking pseudonym key, derived from its Data Protection key ring):
/// the same on every instance that shares the ring and after a restart, and the token a reader with a pseudonym mask
/// sees for the same value, so a log line can be matched to a record without showing the value;</description></item>
/// <item><description><see cref="PersonalDataCategory.Credentials"/>: always erased (a keyed hash of a password is still
/// something to guess against);</description></item>
/// <item><description>any other classification of the PrivacyEf taxonomy, or a set of several classifications: erased,
/// by the fallback redactor;</description></item>
/// <item><description>values with no classification: written as they are (see <see cref="RedactFreeText"/>).</description></item>
/// </list>
/// </remarks>
public sealed class PrivacyLogRedactionOptions
{
    private readonly HashSet<PersonalDataCategory> pseudonymized = [];

    /// <summary>The categories written as pseudonyms; all others are erased.</summary>
    public IReadOnlyCollection<PersonalDataCategory> PseudonymizedCategories => pseudonymized;

    /// <summary>Whether <see cref="PrivacyTaxonomy.Uncategorized"/> values (all that <c>[LoggerMessage]</c> methods log) are written as pseudonyms.</summary>
    public bool PseudonymizesUncategorized { get; private set; }

    /// <summary>
    /// Runs every log message and every unclassified value of every log record through the application's
    /// <see cref="PiiRedactor"/> (card numbers, IBANs, national identifiers, e-mail addresses, ... in free text),
    /// after the classified values are redacted and before any logging provider sees the record. Off by default: it
    /// formats every enabled record and scans it, which costs time on every log call (see the README for figures).
    /// </summary>
    /// <remarks>
    /// It wraps the logging providers registered in the services, so configuration rules for one provider by name
    /// (<c>Logging:Console:LogLevel</c>) no longer match; rules by category still do. Scopes and exceptions are passed
    /// on unchanged.
    /// </remarks>
    public bool RedactFreeText { get; set; }

    /// <summary>Writes values of these categories as their pseudonym instead of erasing them.</summary>
    /// <param name="categories">The categories; <see cref="PersonalDataCategory.Credentials"/> is refused.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyLogRedactionOptions Pseudonymize(params PersonalDataCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        foreach (var category in categories)
        {
            if (category == PersonalDataCategory.Credentials)
            {
                throw new ArgumentException("Credentials are always erased from logs: a keyed hash of a password can still be guessed against.", nameof(categories));
            }

            // Fails on a value outside the enum, which would have no classification to map.
            _ = PrivacyTaxonomy.For(category);
            pseudonymized.Add(category);
        }

        return this;
    }

    /// <summary>
    /// Writes <see cref="PrivacyTaxonomy.Uncategorized"/> values as their pseudonym instead of erasing them: every
    /// <c>[Personal(...)]</c> parameter and <c>[LogProperties]</c> property a <c>[LoggerMessage]</c> method logs, whatever its
    /// category (the generator does not pass it on), so a credential logged that way is pseudonymized too: keep
    /// credentials out of log calls.
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    public PrivacyLogRedactionOptions PseudonymizeUncategorized()
    {
        PseudonymizesUncategorized = true;
        return this;
    }
}
