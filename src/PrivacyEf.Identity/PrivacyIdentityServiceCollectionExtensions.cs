using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyEf;
using PrivacyEf.Identity;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>ASP.NET Core Identity on PrivacyEf.</summary>
public static class PrivacyIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Makes ASP.NET Core Identity private by design, in one call after <c>AddIdentity</c> (or <c>AddIdentityCore</c>,
    /// <c>AddDefaultIdentity</c>) and <c>AddEntityFrameworkStores</c>:
    /// <list type="bullet">
    /// <item>Identity's personal columns are declared on every model that maps them: user name, e-mail and their
    /// normalized forms encrypted with a blind index, the phone number encrypted and masked, password hash, security
    /// stamp and authentication tokens as credentials; the user is a data subject, and its claims, logins, tokens, roles
    /// and passkeys belong to it for export and erasure.</item>
    /// <item>Every call Identity makes to its user store runs in a narrow scope: the <see cref="PrivacyIdentityOptions.Purpose"/>
    /// ("authentication"), covering Identity's tables only, logged like any other read, acting for the signed-in user's
    /// id. So signing in, lockout, tokens, the security-stamp check and account changes see real values, wherever they
    /// run, and nothing else does.</item>
    /// </list>
    /// </summary>
    /// <typeparam name="TUser">The user class, derived from <c>IdentityUser</c> or <c>IdentityUser&lt;TKey&gt;</c>.</typeparam>
    /// <param name="services">The application's services, on which <c>AddPrivacy</c> is called too.</param>
    /// <param name="configure">Changes the purpose's name or the actor recorded before sign-in.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No user store for <typeparamref name="TUser"/> is registered yet.</exception>
    public static IServiceCollection AddPrivacyIdentity<TUser>(this IServiceCollection services, Action<PrivacyIdentityOptions>? configure = null)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var tables = IdentityTables.For(typeof(TUser));
        if (services.Any(d => d.ServiceType == typeof(AuthenticationScopes)))
        {
            throw new InvalidOperationException("AddPrivacyIdentity was called twice: Identity's store is scoped once.");
        }

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IUserStore<TUser>))
            ?? throw new InvalidOperationException(
                $"AddPrivacyIdentity<{typeof(TUser).Name}> found no user store to scope: call it after AddIdentity (or AddIdentityCore) and AddEntityFrameworkStores.");

        var options = new PrivacyIdentityOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Purpose, "options.Purpose");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SignInActor, "options.SignInActor");

        services.AddHttpContextAccessor();
        services.AddSingleton(provider => new AuthenticationScopes(options, provider.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()));
        services.Configure<PrivacyOptions>(privacy =>
        {
            privacy.Purpose(options.Purpose)
                .Describe("Signing users in and keeping their accounts: ASP.NET Core Identity's own work on its tables")
                .CoversOnly(tables.All);
            privacy.Grant(PrivacyIdentityOptions.Role, options.Purpose, PersonalDataCategory.Identity, PersonalDataCategory.Contact, PersonalDataCategory.Credentials, PersonalDataCategory.Other);
            privacy.DeclareModel(model => IdentityDeclarations.Declare(model, tables));
        });

        services.Remove(store);
        services.Add(ServiceDescriptor.Describe(
            typeof(IUserStore<TUser>),
            provider => new ScopedUserStore<TUser>(Inner<TUser>(store, provider), provider.GetRequiredService<AuthenticationScopes>()),
            store.Lifetime));
        return services;
    }

    private static IUserStore<TUser> Inner<TUser>(ServiceDescriptor store, IServiceProvider provider)
        where TUser : class => store switch
        {
            { ImplementationInstance: IUserStore<TUser> instance } => instance,
            { ImplementationFactory: { } factory } => (IUserStore<TUser>)factory(provider),
            _ => (IUserStore<TUser>)ActivatorUtilities.CreateInstance(provider, store.ImplementationType!),
        };
}
