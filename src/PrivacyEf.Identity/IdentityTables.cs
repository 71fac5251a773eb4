using Microsoft.AspNetCore.Identity;

namespace PrivacyEf.Identity;

/// <summary>
/// The classes of Identity's tables for one user class: the user, and its claims, logins, tokens, role memberships and
/// passkeys, closed over the user's key type (<c>IdentityUser&lt;TKey&gt;</c>).
/// </summary>
internal sealed class IdentityTables
{
    private IdentityTables(Type user, Type key)
    {
        User = user;
        Claim = typeof(IdentityUserClaim<>).MakeGenericType(key);
        Login = typeof(IdentityUserLogin<>).MakeGenericType(key);
        Token = typeof(IdentityUserToken<>).MakeGenericType(key);
        Role = typeof(IdentityUserRole<>).MakeGenericType(key);
        Passkey = typeof(IdentityUserPasskey<>).MakeGenericType(key);
    }

    public Type User { get; }

    public Type Claim { get; }

    public Type Login { get; }

    public Type Token { get; }

    public Type Role { get; }

    public Type Passkey { get; }

    /// <summary>Every table that holds the user's data, the user's own first.</summary>
    public Type[] All => [User, Claim, Login, Token, Role, Passkey];

    public static IdentityTables For(Type user)
    {
        for (var type = user; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IdentityUser<>))
            {
                return new IdentityTables(user, type.GetGenericArguments()[0]);
            }
        }

        throw new ArgumentException(
            $"AddPrivacyIdentity<{user.Name}> needs a user class derived from IdentityUser or IdentityUser<TKey>, whose tables it knows; {user.FullName} is not.",
            nameof(user));
    }
}
