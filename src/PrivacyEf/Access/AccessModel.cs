using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Access.Consent;
using PrivacyEf.Access.Logging;

namespace PrivacyEf.Access;

/// <summary>Adds the consent table and the access log table to every model that uses PrivacyEf.</summary>
internal static class AccessModel
{
    public static void AddTables(IMutableModel model, AccessOptions options)
    {
        AddConsentTable(model, options.ConsentTableName);
        AddAccessLogTable(model, options.AccessLogTableName);
    }

    private static void AddConsentTable(IMutableModel model, string tableName)
    {
        var table = model.FindEntityType(typeof(PrivacyConsent)) ?? model.AddEntityType(typeof(PrivacyConsent));
        table.SetTableName(tableName);
        var id = Property(table, nameof(PrivacyConsent.Id), typeof(long), nullable: false);
        id.ValueGenerated = ValueGenerated.OnAdd;
        table.SetPrimaryKey(id);
        Property(table, nameof(PrivacyConsent.SubjectKind), typeof(string), nullable: false).SetMaxLength(128);
        var subject = Property(table, nameof(PrivacyConsent.SubjectId), typeof(string), nullable: false);
        subject.SetMaxLength(128);
        var purpose = Property(table, nameof(PrivacyConsent.Purpose), typeof(string), nullable: false);
        purpose.SetMaxLength(128);
        Property(table, nameof(PrivacyConsent.GrantedAt), typeof(DateTime), nullable: false);
        Property(table, nameof(PrivacyConsent.ExpiresAt), typeof(DateTime?), nullable: true);
        Property(table, nameof(PrivacyConsent.RevokedAt), typeof(DateTime?), nullable: true);
        if (table.FindIndex([subject, purpose]) is null)
        {
            table.AddIndex([subject, purpose]);
        }
    }

    private static void AddAccessLogTable(IMutableModel model, string tableName)
    {
        var table = model.FindEntityType(typeof(PrivacyAccessLogEntry)) ?? model.AddEntityType(typeof(PrivacyAccessLogEntry));
        table.SetTableName(tableName);
        var sequence = Property(table, nameof(PrivacyAccessLogEntry.Sequence), typeof(long), nullable: false);

        // Assigned by the writer, not the database: the chain needs gapless positions, and a taken one tells a second writer to retry.
        sequence.ValueGenerated = ValueGenerated.Never;
        table.SetPrimaryKey(sequence);
        var occurredAt = Property(table, nameof(PrivacyAccessLogEntry.OccurredAt), typeof(DateTime), nullable: false);
        Property(table, nameof(PrivacyAccessLogEntry.Actor), typeof(string), nullable: false).SetMaxLength(256);
        Property(table, nameof(PrivacyAccessLogEntry.Purpose), typeof(string), nullable: false).SetMaxLength(128);
        Property(table, nameof(PrivacyAccessLogEntry.Reason), typeof(string), nullable: true).SetMaxLength(512);
        Property(table, nameof(PrivacyAccessLogEntry.Entity), typeof(string), nullable: false).SetMaxLength(256);
        Property(table, nameof(PrivacyAccessLogEntry.Properties), typeof(string), nullable: false);
        Property(table, nameof(PrivacyAccessLogEntry.SubjectKind), typeof(string), nullable: true).SetMaxLength(128);
        Property(table, nameof(PrivacyAccessLogEntry.SubjectIds), typeof(string), nullable: false);
        Property(table, nameof(PrivacyAccessLogEntry.RowCount), typeof(int), nullable: false);
        Property(table, nameof(PrivacyAccessLogEntry.PurgedThrough), typeof(long?), nullable: true);
        Property(table, nameof(PrivacyAccessLogEntry.PreviousHash), typeof(string), nullable: false).SetMaxLength(64);
        Property(table, nameof(PrivacyAccessLogEntry.Hash), typeof(string), nullable: false).SetMaxLength(64);
        if (table.FindIndex(occurredAt) is null)
        {
            table.AddIndex(occurredAt);
        }
    }

    private static IMutableProperty Property(IMutableEntityType table, string name, Type type, bool nullable)
    {
        var property = table.FindProperty(name) ?? table.AddProperty(name, type);
        property.IsNullable = nullable;
        return property;
    }
}
