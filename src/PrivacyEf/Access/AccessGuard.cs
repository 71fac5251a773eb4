using System.ComponentModel;
using System.Reflection;
using PrivacyEf.Access;
using PrivacyEf.Access.Masking;

namespace PrivacyEf.Internal;

/// <summary>
/// The check that guards personal properties read in query projections, which EF Core builds without materializing
/// entities. PrivacyEf's query interceptor wraps each such read in a call to <see cref="Read"/>; the check runs when
/// the query runs, against the access scope open then, so a cached or compiled query serves every scope correctly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AccessGuard
{
    internal static readonly MethodInfo ReadMethod = typeof(AccessGuard).GetMethod(nameof(Read))!;

    /// <summary>Returns <paramref name="value"/> when the current scope may read it, otherwise its mask.</summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="value">The value read from the database.</param>
    /// <param name="memberId">The guarded property's id, given by the query interceptor.</param>
    /// <param name="subject">The row's data subject id, for the access log; null when the entity has none.</param>
    /// <returns>The value or its mask.</returns>
    /// <exception cref="PrivacyAccessDeniedException">The scope may not read the value and the options say to throw.</exception>
    public static T Read<T>(T value, int memberId, object? subject)
    {
        var member = GuardedMember.ById(memberId);
        var scope = Privacy.Current;
        var access = member.Access;
        if (member.Allows(scope, subject))
        {
            if (member.IsLogged)
            {
                access.DisclosuresOf(scope).Record(access, member.EntityName, member.SubjectKind, member.PropertyName, subject);
            }

            return value;
        }

        if (value is null)
        {
            return value;
        }

        if (access.Policy.ThrowsOnDenied)
        {
            throw PrivacyAccessDeniedException.ForRead(member.EntityName, member.PropertyName, scope?.Purpose);
        }

        var masked = ValueMasker.Mask(value, typeof(T), member.Property.Mask, member.Property.Category, member.IsNullable, access.PseudonymKeyFor(member.Property.Mask));
        return masked is null ? default! : (T)masked;
    }
}
