using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>
/// When a model is finished, adds the key table to it and applies the generated metadata of
/// every annotated entity it contains, so no call in <c>OnModelCreating</c> is needed.
/// </summary>
internal sealed class EncryptionModelConvention(DataKeyRing keyRing, EncryptionOptions options) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var model = (IMutableModel)modelBuilder.Metadata;

        if (EfOwnModels.IsEfOwnModel(model))
        {
            return;
        }

        AddKeyTable(model);
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().ToList())
        {
            if (PrivacyMetadata.Of(entityType) is not { } metadata)
            {
                continue;
            }

            var mutable = (IMutableEntityType)entityType;
            PrivacyModelConfiguration.Apply(mutable, metadata);
            foreach (var personal in metadata.Properties.Where(p => p.Encrypt))
            {
                // An inherited property is configured once, on the type that declares it (and maps its column).
                if (mutable.FindProperty(personal.Name) is { } property && property.DeclaringType == mutable)
                {
                    ConfigureEncryption(mutable, property);
                    if (personal.Searchable)
                    {
                        ConfigureBlindIndex(mutable, property);
                        BlindIndexLookup.AddTo(model);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adds the key table explicitly: an entity type added by convention that no navigation reaches is
    /// removed again when the model is finalized.
    /// </summary>
    private void AddKeyTable(IMutableModel model)
    {
        var keyTable = model.FindEntityType(typeof(PrivacyDataKey)) ?? model.AddEntityType(typeof(PrivacyDataKey));
        keyTable.SetTableName(options.KeyTableName);
        var id = keyTable.FindProperty(nameof(PrivacyDataKey.Id)) ?? keyTable.AddProperty(nameof(PrivacyDataKey.Id), typeof(string));
        id.IsNullable = false;
        id.SetMaxLength(32);
        id.ValueGenerated = ValueGenerated.Never;
        keyTable.SetPrimaryKey(id);
        var wrapped = keyTable.FindProperty(nameof(PrivacyDataKey.WrappedKey)) ?? keyTable.AddProperty(nameof(PrivacyDataKey.WrappedKey), typeof(string));
        wrapped.IsNullable = false;
    }

    /// <summary>The name of the shadow property that holds the blind index of a searchable property.</summary>
    public static string BlindIndexPropertyName(string propertyName) => propertyName + "BlindIndex";

    private void ConfigureBlindIndex(IMutableEntityType entityType, IMutableProperty property)
    {
        var entityName = entityType.ClrType.Name;
        if (property.ClrType != typeof(string))
        {
            throw new InvalidOperationException(
                $"{entityName}.{property.Name} is marked [Personal(Searchable = true)] but is of type {property.ClrType.Name}; only string properties can be searchable.");
        }

        var normalization = options.SearchNormalizations.TryGetValue((entityType.ClrType, property.Name), out var configured)
            ? configured
            : SearchNormalization.None;
        var shadow = entityType.FindProperty(BlindIndexPropertyName(property.Name))
            ?? entityType.AddProperty(BlindIndexPropertyName(property.Name), typeof(string));
        shadow.IsNullable = true;
        shadow.SetMaxLength(BlindIndexer.StoredLength);
        shadow.SetValueConverter(new BlindIndexConverter(new BlindIndexer(
            keyRing,
            normalization,
            () => $"{entityType.GetSchema()}.{entityType.GetTableName() ?? entityType.Name}.{property.GetColumnName()}")));
        shadow.SetComment($"Blind index (HMAC-SHA256, truncated) of {property.Name}, for equality lookups on the encrypted value");
        MoveIndexesToBlindIndex(entityType, property, shadow);
    }

    /// <summary>
    /// An index on ciphertext is useless (every value has its own nonce) and a unique one would never fire:
    /// both move to the blind index, where equal values meet. Runs again last, after the conventions that
    /// add indexes from attributes.
    /// </summary>
    public static void MoveIndexesToBlindIndex(IMutableEntityType entityType, IMutableProperty property, IMutableProperty blindIndexProperty)
    {
        var unique = false;
        foreach (var index in entityType.GetIndexes().Where(i => i.Properties.Count == 1 && i.Properties[0] == property).ToList())
        {
            unique |= index.IsUnique;
            entityType.RemoveIndex(index);
        }

        var blindIndex = entityType.FindIndex(blindIndexProperty) ?? entityType.AddIndex(blindIndexProperty);
        blindIndex.IsUnique |= unique;
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
            keyRing,
            entityName,
            property.Name,
            () => $"{entityType.GetSchema()}.{entityType.GetTableName() ?? entityType.Name}.{property.GetColumnName()}",
            options.AllowLegacyPlaintextReads);

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
