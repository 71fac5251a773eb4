using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Owned;

namespace PrivacyEf.Tests.Encryption;

/// <summary>A rotation whose rebuild could not reach every blind index is refused before it starts.</summary>
public sealed class BlindIndexRotationRefusalTests : IDisposable
{
    private readonly SqliteTarget target = new();
    private readonly string keys = Directory.CreateTempSubdirectory("privacyef-keys-").FullName;

    [Fact]
    public async Task A_searchable_property_of_an_owned_type_refuses_the_rotation_and_names_itself()
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        collection.AddPrivacy(o => o.WithoutScope = UnscopedAccess.Disclose);
        collection.AddDbContextFactory<MemberDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), "members"));
        await using var services = collection.BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<MemberDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => db.RotateBlindIndexKeyAsync());
        Assert.Contains("MemberContact.Email", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.GetDataKeysAsync(), k => k.Kind == PrivacyEf.Encryption.DataKeyKind.BlindIndex && k.Id != PrivacyEf.Encryption.BlindIndexKey.IdFor(1));
    }

    public void Dispose()
    {
        target.Dispose();
        Directory.Delete(keys, recursive: true);
    }
}
