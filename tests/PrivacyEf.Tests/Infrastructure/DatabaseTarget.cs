using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>A database provider the behaviour tests run on.</summary>
public abstract class DatabaseTarget
{
    public abstract string Name { get; }

    public abstract bool IsRelational { get; }

    /// <summary>Skips the calling test when this provider cannot run here (outside CI only).</summary>
    public virtual void RequireAvailable()
    {
    }

    /// <summary>A name for a fresh, empty database.</summary>
    public virtual string NewDatabaseName() => "t" + Guid.NewGuid().ToString("N");

    public abstract void UseDatabase(DbContextOptionsBuilder builder, string database);

    public override string ToString() => Name;
}
