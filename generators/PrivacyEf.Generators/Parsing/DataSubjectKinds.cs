using Microsoft.CodeAnalysis;

namespace PrivacyEf.Generators.Parsing;

/// <summary>What <c>[DataSubject(typeof(Customer))]</c> may name: an entity that is a data subject itself.</summary>
internal static class DataSubjectKinds
{
    /// <summary>Whether <paramref name="kind"/> or a base class marks one of its properties <c>[DataSubject]</c> (its own key).</summary>
    public static bool HasSubjectProperty(INamedTypeSymbol kind)
    {
        for (var current = kind; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol))
                {
                    continue;
                }

                foreach (var attribute in member.GetAttributes())
                {
                    if (PrivacyAttributeNames.KindOf(attribute) == PrivacyAttributeKind.DataSubject)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
