using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Identity;

/// <summary>
/// Declares Identity's personal columns on a model, as attributes would if Identity's classes could carry them: the user
/// is a data subject; its names and e-mail are encrypted with a blind index (Identity finds users by them), its phone is
/// encrypted and masked; its password hash, security stamp and authentication tokens are credentials (hidden from every
/// other purpose, withheld from exports); claims, logins, tokens, role memberships and passkeys belong to the user for
/// export and erasure. What the application declares itself for any of these is kept instead.
/// </summary>
internal static class IdentityDeclarations
{
    public static void Declare(IMutableModel model, IdentityTables tables)
    {
        foreach (var entityType in model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).ToList())
        {
            var type = entityType.ClrType;
            if (tables.User.IsAssignableFrom(type))
            {
                DeclareUser(entityType);
            }
            else if (tables.Claim.IsAssignableFrom(type))
            {
                LinkToUser(entityType, tables);
                Personal(entityType, nameof(Microsoft.AspNetCore.Identity.IdentityUserClaim<string>.ClaimValue), PersonalDataCategory.Other, encrypt: true, searchable: true);
            }
            else if (tables.Token.IsAssignableFrom(type))
            {
                LinkToUser(entityType, tables);

                // Authenticator keys and recovery codes are kept here: credentials.
                Personal(entityType, nameof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>.Value), PersonalDataCategory.Credentials, encrypt: true, mask: MaskStyle.Hidden);
            }
            else if (tables.Login.IsAssignableFrom(type) || tables.Role.IsAssignableFrom(type) || tables.Passkey.IsAssignableFrom(type))
            {
                LinkToUser(entityType, tables);
            }
        }
    }

    private static void DeclareUser(IMutableEntityType user)
    {
        user.HasDataSubject(nameof(Microsoft.AspNetCore.Identity.IdentityUser.Id));
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.UserName), PersonalDataCategory.Identity, encrypt: true, searchable: true);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.NormalizedUserName), PersonalDataCategory.Identity, encrypt: true, searchable: true);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.Email), PersonalDataCategory.Contact, encrypt: true, searchable: true);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.NormalizedEmail), PersonalDataCategory.Contact, encrypt: true, searchable: true);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.PhoneNumber), PersonalDataCategory.Contact, encrypt: true);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.PasswordHash), PersonalDataCategory.Credentials, encrypt: true, mask: MaskStyle.Hidden);
        Personal(user, nameof(Microsoft.AspNetCore.Identity.IdentityUser.SecurityStamp), PersonalDataCategory.Credentials, mask: MaskStyle.Hidden);
    }

    private static void LinkToUser(IMutableEntityType entityType, IdentityTables tables)
    {
        if (entityType.FindProperty("UserId") is not null)
        {
            entityType.HasDataSubject("UserId", tables.User);
        }
    }

    private static void Personal(IMutableEntityType entityType, string name, PersonalDataCategory category, bool encrypt = false, bool searchable = false, MaskStyle mask = MaskStyle.Default)
    {
        // A property the application ignores, or maps to no column, has nothing to protect.
        if (entityType.FindProperty(name) is { } property)
        {
            property.IsPersonal(category, encrypt, searchable, mask);
        }
    }
}
