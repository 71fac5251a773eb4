using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>A context whose model is whatever <see cref="Configure"/> says, built once per configuration (see <c>FluentModels</c>).</summary>
public sealed class ConfigurableDbContext(DbContextOptions<ConfigurableDbContext> options, Action<ModelBuilder> configure) : DbContext(options)
{
    public Action<ModelBuilder> Configure { get; } = configure;

    protected override void OnModelCreating(ModelBuilder modelBuilder) => Configure(modelBuilder);
}
