using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Infrastructure;
using PrivacyEf.Inventory;
using PrivacyEf.Metadata;
using PrivacyEf.SubjectRights;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Data-subject rights on a context that uses PrivacyEf: access (export) and erasure.</summary>
public static class PrivacySubjectRightsExtensions
{
    /// <summary>
    /// Collects every row that belongs to a data subject, in every entity that links rows to their subject
    /// with <see cref="DataSubjectAttribute"/>, with personal values decrypted and, per field, its category,
    /// purposes and retention. Runs in a system scope; nothing of any other subject is included.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="subjectId">The subject's id, as the <c>[DataSubject]</c> properties hold it.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The export; <see cref="SubjectExport.WriteJsonAsync"/> writes it as JSON.</returns>
    public static async Task<SubjectExport> ExportSubjectAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var runtime = PrivacyContext.RuntimeOf(context);
        var entities = new List<SubjectEntityExport>();
        using (Privacy.System("data subject export"))
        {
            foreach (var (entityType, metadata) in SubjectRows.LinkedEntities(context.Model).Reverse())
            {
                var rows = await SubjectRows.LoadAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, tracking: false, cancellationToken).ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    continue;
                }

                entities.Add(new SubjectEntityExport(
                    entityType.ClrType.Name,
                    entityType.GetTableName(),
                    [.. rows.Select(row => Describe(context, entityType, metadata, row))]));
            }
        }

        return new SubjectExport(Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture)!, runtime.TimeProvider.GetUtcNow(), entities);
    }

    private static Dictionary<string, SubjectField> Describe(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object row)
    {
        var entry = context.Entry(row);
        var retention = metadata.Retention is { } rule
            ? $"{PlainLanguage.Period(rule.Days)} after {PlainLanguage.Describe(rule.FromProperty)}, then {(rule.Action == RetentionAction.Anonymize ? "anonymized" : "deleted")}"
            : null;
        var fields = new Dictionary<string, SubjectField>(StringComparer.Ordinal);
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var value = entry.Property(property.Name).CurrentValue;
            fields[property.Name] = metadata.FindProperty(property.Name) is { } personal
                ? new SubjectField(value, Personal: true, personal.Category, metadata.EffectivePurposes(personal), retention)
                : new SubjectField(value, Personal: false, Category: null, Purposes: [], Retention: null);
        }

        return fields;
    }
}
