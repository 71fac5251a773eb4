namespace PrivacyEf;

/// <summary>A row the database refused to delete or anonymize (typically a restricting foreign key).</summary>
/// <param name="Entity">The entity type's name.</param>
/// <param name="Key">The row's primary key, as text.</param>
/// <param name="Reason">The database's message.</param>
public sealed record PurgeFailure(string Entity, string Key, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Entity} {Key}: {Reason}";
}
