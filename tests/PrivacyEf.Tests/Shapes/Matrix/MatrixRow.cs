namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>
/// One row every shape seeds, whatever its shape: each of two customers has, for each retention rule, an expired row
/// and a fresh one, so every column can tell what it touched from what it had to leave alone.
/// </summary>
/// <param name="Id">The row's key, unique across the shape's entity types (a hierarchy shares one key space).</param>
/// <param name="CustomerId">The data subject.</param>
/// <param name="Retention">Which of the shape's two retained entity types the row belongs to.</param>
/// <param name="Expired">Whether the row's retention period has ended at <see cref="PurgeNow"/>.</param>
public sealed record MatrixRow(int Id, int CustomerId, RetentionAction Retention, bool Expired)
{
    public const int Ada = 1;

    public const int Grace = 2;

    /// <summary>The moment the purge columns measure retention against; the models keep rows for 30 days.</summary>
    public static readonly DateTimeOffset PurgeNow = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<MatrixRow> All { get; } =
    [
        new(1, Ada, RetentionAction.Delete, Expired: true),
        new(2, Ada, RetentionAction.Delete, Expired: false),
        new(3, Ada, RetentionAction.Anonymize, Expired: true),
        new(4, Ada, RetentionAction.Anonymize, Expired: false),
        new(5, Grace, RetentionAction.Delete, Expired: true),
        new(6, Grace, RetentionAction.Delete, Expired: false),
        new(7, Grace, RetentionAction.Anonymize, Expired: true),
        new(8, Grace, RetentionAction.Anonymize, Expired: false),
    ];

    public DateTimeOffset RecordedAt => Expired ? PurgeNow.AddDays(-100) : PurgeNow.AddDays(-1);

    /// <summary>The personal value; no row's street is part of another's, so a search for one finds that row only.</summary>
    public string Street => $"{Id} {(CustomerId == Ada ? "Analytical Row" : "Compiler Court")}";

    /// <summary>A value that is not personal, stored next to the street: the raw scans find it to prove they read there.</summary>
    public string Country => $"country-{Id}";

    public static IReadOnlyList<string> StreetsOf(Func<MatrixRow, bool> predicate) => All.Where(predicate).Select(r => r.Street).Order(StringComparer.Ordinal).ToList();
}
