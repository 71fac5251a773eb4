namespace PrivacyEf.Encryption;

/// <summary>A blind-index root key with its generation (1 for the first key of a database, then one more per rotation).</summary>
/// <param name="Generation">The generation, encoded in the key id so that concurrent rotations pick the same id.</param>
/// <param name="Key">The unwrapped key.</param>
internal sealed record BlindIndexKey(int Generation, DataKey Key)
{
    private const string GenerationIdPrefix = "000000000000000000000000";
    private const string TagAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// The id of the key of a generation. Rotating inserts this id only if absent, so two instances that
    /// rotate at the same moment end with one new key instead of two.
    /// </summary>
    public static Guid IdFor(int generation) =>
        Guid.ParseExact(GenerationIdPrefix + generation.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), "N");

    /// <summary>The generation a key id stands for, or null for an id that does not follow <see cref="IdFor"/>.</summary>
    public static int? GenerationOf(Guid id)
    {
        var text = id.ToString("N");
        return text.StartsWith(GenerationIdPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(GenerationIdPrefix.Length), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var generation)
            && generation > 0
                ? generation
                : null;
    }

    /// <summary>
    /// The first two characters of every index this key computes, or null for the first generation, whose
    /// indexes are the bare 24 base64 characters of the MAC (as PrivacyEf wrote them before keys rotated).
    /// A tag is a letter or digit and a dot; base64 has no dot, so a tagged index never looks like a bare one,
    /// and a rebuild finds the rows not yet under the newest key in SQL. Only neighbouring generations are
    /// ever in use together, so 36 tags, reused in turn, tell them apart.
    /// </summary>
    public string? Tag => TagFor(Generation);

    public static string? TagFor(int generation) => generation == 1 ? null : TagAlphabet[generation % TagAlphabet.Length] + ".";
}
