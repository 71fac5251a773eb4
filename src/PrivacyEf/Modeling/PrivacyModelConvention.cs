using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Access;
using PrivacyEf.Encryption;
using PrivacyEf.Infrastructure;
using PrivacyEf.Metadata;

namespace PrivacyEf.Modeling;

/// <summary>
/// Adds the key table to every model and, when the model is finished, applies the generated metadata of
/// every annotated entity it contains, so no call in <c>OnModelCreating</c> is needed.
/// </summary>
internal sealed class PrivacyModelConvention(PrivacyRuntime runtime) : IModelInitializedConvention, IModelFinalizingConvention
{
    public void ProcessModelInitialized(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        // Added explicitly: an entity type added by convention that no navigation reaches is removed
        // again when the model is finalized.
        var model = (IMutableModel)modelBuilder.Metadata;
        var keyTable = model.FindEntityType(typeof(PrivacyDataKey)) ?? model.AddEntityType(typeof(PrivacyDataKey));
        keyTable.SetTableName(runtime.Options.KeyTableName);
        var id = keyTable.FindProperty(nameof(PrivacyDataKey.Id)) ?? keyTable.AddProperty(nameof(PrivacyDataKey.Id), typeof(string));
        id.IsNullable = false;
        id.SetMaxLength(32);
        id.ValueGenerated = ValueGenerated.Never;
        keyTable.SetPrimaryKey(id);
        var wrapped = keyTable.FindProperty(nameof(PrivacyDataKey.WrappedKey)) ?? keyTable.AddProperty(nameof(PrivacyDataKey.WrappedKey), typeof(string));
        wrapped.IsNullable = false;
        AccessModel.AddTables(model, runtime.Options);
    }

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().ToList())
        {
            if (PrivacyRegistry.Find(entityType.ClrType) is not { } metadata)
            {
                continue;
            }

            var mutable = (IMutableEntityType)entityType;
            PrivacyModelConfiguration.Apply(mutable, metadata);
            foreach (var personal in metadata.Properties.Where(p => p.Encrypt))
            {
                if (mutable.FindProperty(personal.Name) is { } property)
                {
                    ConfigureEncryption(mutable, property);
                }
            }
        }
    }

    private void ConfigureEncryption(IMutableEntityType entityType, IMutableProperty property)
    {
        var entityName = entityType.ClrType.Name;
        if (property.GetValueConverter() is { } existing && existing is not EncryptedStringConverter and not EncryptedBytesConverter)
        {
            throw new InvalidOperationException(
                $"{entityName}.{property.Name} is marked [Personal(Encrypt = true)] but also has the value converter {existing.GetType().Name}; PrivacyEf encrypts the value itself, so remove the other converter.");
        }

        var cipher = new ColumnCipher(
            runtime.KeyRing,
            entityName,
            property.Name,
            () => $"{entityType.GetSchema()}.{entityType.GetTableName() ?? entityType.Name}.{property.GetColumnName()}");

        var maxLength = property.GetMaxLength();
        if (property.ClrType == typeof(string))
        {
            property.SetValueConverter(new EncryptedStringConverter(cipher));
            if (maxLength is int chars)
            {
                // Three UTF-8 bytes per UTF-16 char at most, then the envelope header, then base64 and the prefix.
                var sealedBytes = Envelope.SealedLength(checked(chars * 3));
                property.SetMaxLength(ColumnCipher.StringPrefix.Length + (checked(sealedBytes + 2) / 3 * 4));
            }
        }
        else if (property.ClrType == typeof(byte[]))
        {
            property.SetValueConverter(new EncryptedBytesConverter(cipher));
            if (maxLength is int bytes)
            {
                property.SetMaxLength(Envelope.SealedLength(bytes));
            }
        }
        else
        {
            // The generator reports this as PRIV001; this guards metadata registered by hand.
            throw new InvalidOperationException(
                $"{entityName}.{property.Name} is marked [Personal(Encrypt = true)] but is of type {property.ClrType.Name}; only string and byte[] properties can be encrypted.");
        }
    }
}
