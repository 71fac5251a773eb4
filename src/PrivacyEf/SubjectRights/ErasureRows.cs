using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.SubjectRights;

/// <summary>
/// Tracks the rows an erasure deletes or anonymizes. Deleting or anonymizing a row needs none of its personal values,
/// so a value that cannot be decrypted (a corrupt or foreign ciphertext) must not stop the erasure of its row.
/// </summary>
internal static class ErasureRows
{
    /// <summary>
    /// The subject's rows of one entity type, tracked by <paramref name="context"/>: loaded whole when every value can
    /// be read; otherwise tracked from their columns that hold no personal data, with the personal ones left unset.
    /// </summary>
    public static async Task<IReadOnlyList<EntityEntry>> TrackAsync(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object subjectId, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await SubjectRows.LoadAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, tracking: true, cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(context.Entry)];
        }
        catch (Exception ex) when (IsUndecryptable(ex) && entityType.FindPrimaryKey() is not null)
        {
            return await TrackWithoutPersonalValuesAsync(context, entityType, metadata, subjectId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<EntityEntry>> TrackWithoutPersonalValuesAsync(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object subjectId, CancellationToken cancellationToken)
    {
        var columns = entityType.GetProperties().Where(p => metadata.FindProperty(p.Name) is null).ToList();
        var rows = await SubjectRows.LoadColumnsAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, columns, cancellationToken).ConfigureAwait(false);
        var key = entityType.FindPrimaryKey()!;
        var entries = new List<EntityEntry>(rows.Count);
        foreach (var values in rows)
        {
            // The failed load may have tracked some rows already (and the caller others): one instance per row.
            var entry = FindTracked(context, entityType, key, columns, values) ?? Stub(context, entityType, columns, values);
            entries.Add(entry);
        }

        return entries;
    }

    private static EntityEntry? FindTracked(DbContext context, IEntityType entityType, IKey key, List<IProperty> columns, object?[] values) =>
        context.ChangeTracker.Entries().FirstOrDefault(entry =>
            entry.Metadata == entityType
            && key.Properties.All(k => Equals(entry.Property(k.Name).CurrentValue, values[columns.IndexOf((IProperty)k)])));

    private static EntityEntry Stub(DbContext context, IEntityType entityType, List<IProperty> columns, object?[] values)
    {
        // No constructor runs: the instance holds only what the columns say, and EF writes only what the erasure marks.
        var entry = context.Entry(RuntimeHelpers.GetUninitializedObject(entityType.ClrType));
        for (var i = 0; i < columns.Count; i++)
        {
            entry.Property(columns[i].Name).CurrentValue = values[i];
        }

        entry.State = EntityState.Unchanged;
        return entry;
    }

    // A value converter's failure reaches the caller wrapped by EF; PrivacyEf's own is a CryptographicException.
    private static bool IsUndecryptable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is CryptographicException)
            {
                return true;
            }
        }

        return false;
    }
}
