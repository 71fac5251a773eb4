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

    // EF's own setter writes through the backing field when the property has no setter, exactly as materialization does.
#pragma warning disable EF1001 // IRuntimePropertyBase is internal API; there is no public way to get EF's setter.
    public IClrPropertySetter Setter { get; } = ((Microsoft.EntityFrameworkCore.Metadata.Internal.IRuntimePropertyBase)property).GetSetter();
#pragma warning restore EF1001
}
