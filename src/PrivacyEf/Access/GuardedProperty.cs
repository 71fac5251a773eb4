using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>A personal property of a mapped entity type, with EF's accessors to read and mask it on an instance.</summary>
internal sealed class GuardedProperty(IProperty property, PrivacyPropertyMetadata metadata)
{
    public IProperty Property { get; } = property;

    public PrivacyPropertyMetadata Metadata { get; } = metadata;

    public string Name => Metadata.Name;

    public IClrPropertyGetter Getter { get; } = property.GetGetter();

    /// <summary>
    /// The value a new instance holds when nobody set the property: null, or the default of a non-nullable value type.
    /// Adding an entity with this value stores nothing anyone chose, so it is not a write of the property.
    /// </summary>
    public object? UnsetValue { get; } = property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null
        ? System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(property.ClrType)
        : null;

    // EF's own setter writes through the backing field when the property has no setter, exactly as materialization does.
#pragma warning disable EF1001 // IRuntimePropertyBase is internal API; there is no public way to get EF's setter.
    public IClrPropertySetter Setter { get; } = ((Microsoft.EntityFrameworkCore.Metadata.Internal.IRuntimePropertyBase)property).GetSetter();
#pragma warning restore EF1001
}
