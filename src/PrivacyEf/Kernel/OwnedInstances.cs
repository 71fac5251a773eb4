using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>
/// The owned instances inside one entity instance, at any depth, each with its owned entity type and a path that names
/// it (<c>Address</c>, <c>Phones[1]</c>, <c>Address.Geo</c>). An owned type is part of its owner's row: it has no data
/// subject of its own, so the subject's rights reach it through its owner.
/// </summary>
internal static class OwnedInstances
{
    public static IEnumerable<(string Path, IEntityType EntityType, object Instance)> Of(IEntityType entityType, object instance, string prefix = "")
    {
        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            var owned = navigation.TargetEntityType;
            var value = navigation.GetGetter().GetClrValueUsingContainingEntity(instance);
            if (value is null)
            {
                continue;
            }

            var path = prefix + navigation.Name;
            if (navigation.IsCollection)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    var itemPath = path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]";
                    yield return (itemPath, owned, item);
                    foreach (var nested in Of(owned, item, itemPath + "."))
                    {
                        yield return nested;
                    }
                }
            }
            else
            {
                yield return (path, owned, value);
                foreach (var nested in Of(owned, value, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }
}
