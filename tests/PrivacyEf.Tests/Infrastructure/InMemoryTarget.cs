using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>EF's in-memory provider; one root per target, so two applications can share a store.</summary>
public sealed class InMemoryTarget : DatabaseTarget
{
    private readonly InMemoryDatabaseRoot root = new();

    public override string Name => "InMemory";

    public override bool IsRelational => false;

    public override void UseDatabase(DbContextOptionsBuilder builder, string database) =>
        builder.UseInMemoryDatabase(database, root);
}
