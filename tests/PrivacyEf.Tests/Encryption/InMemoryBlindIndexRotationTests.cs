using Microsoft.EntityFrameworkCore;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// A store without an "insert if absent" statement (EF InMemory) gets the rotated-in key through the change
/// tracker, which refuses to save a caller's pending changes along with it.
/// </summary>
public sealed class InMemoryBlindIndexRotationTests : IDisposable
{
    private readonly PrivacyApp app = PrivacyApp.Create(new InMemoryTarget());

    [Fact]
    public async Task Rotating_saves_the_next_key_through_the_change_tracker()
    {
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var pending = app.NewContext())
        {
            pending.Customers.Add(new Customer { Id = 2, Name = "Grace", Email = "grace@example.com" });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => pending.RotateBlindIndexKeyAsync());
            Assert.Contains("without pending changes", refused.Message, StringComparison.Ordinal);
        }

        await using var db2 = app.NewContext();
        var rotation = await db2.RotateBlindIndexKeyAsync();
        Assert.Equal(2, rotation.Generation);
        Assert.Equal(BlindIndexKey.IdFor(2), rotation.KeyId);
        Assert.Equal(2, (await db2.GetDataKeysAsync()).Count(k => k.Kind == DataKeyKind.BlindIndex && k.Status == DataKeyStatus.Active));
        Assert.False(await db2.Customers.AnyAsync(c => c.Id == 2));
    }

    public void Dispose() => app.Dispose();
}
