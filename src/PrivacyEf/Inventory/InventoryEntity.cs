namespace PrivacyEf;

/// <summary>One entity in the record of processing.</summary>
/// <param name="Name">The entity type.</param>
/// <param name="Table">Its table (null for non-relational stores).</param>
/// <param name="SubjectProperty">The property that links a row to its data subject, or null when rows cannot be found for a request.</param>
/// <param name="RetentionDays">How long rows are kept, or null when no retention period is set.</param>
/// <param name="RetentionFrom">The date property the period counts from.</param>
/// <param name="RetentionAction">What happens to a row when the period ends.</param>
/// <param name="Properties">Its personal properties.</param>
public sealed record InventoryEntity(
    string Name,
    string? Table,
    string? SubjectProperty,
    int? RetentionDays,
    string? RetentionFrom,
    RetentionAction? RetentionAction,
    IReadOnlyList<InventoryProperty> Properties);
