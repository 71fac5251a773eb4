using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>
/// What the database would do to other rows if one row were deleted: either the deletion must not happen (it would
/// be refused by a foreign key, or it would remove or change a row that must stay), or it may, and then these rows go
/// with it through <c>ON DELETE CASCADE</c>.
/// </summary>
internal sealed class DeletionImpact
{
    private DeletionImpact(string? blockedBecause, IReadOnlyDictionary<IEntityType, int> cascaded, IReadOnlyDictionary<IForeignKey, int> unlinked)
    {
        BlockedBecause = blockedBecause;
        Cascaded = cascaded;
        Unlinked = unlinked;
    }

    /// <summary>Why the row must not be deleted, naming entity types and counts only (never a value); null when it may.</summary>
    public string? BlockedBecause { get; }

    public bool IsBlocked => BlockedBecause is not null;

    /// <summary>Per entity type, the rows the database's cascades would delete with the row.</summary>
    public IReadOnlyDictionary<IEntityType, int> Cascaded { get; }

    /// <summary>Per foreign key, the rows whose reference the database's <c>ON DELETE SET NULL</c> would clear.</summary>
    public IReadOnlyDictionary<IForeignKey, int> Unlinked { get; }

    public static DeletionImpact Blocked(string because) => new(because, new Dictionary<IEntityType, int>(), new Dictionary<IForeignKey, int>());

    public static DeletionImpact Allowed(IReadOnlyDictionary<IEntityType, int> cascaded, IReadOnlyDictionary<IForeignKey, int> unlinked) => new(null, cascaded, unlinked);
}
