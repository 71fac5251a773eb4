using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>A second context type with <see cref="FluentDbContext"/>'s declarations: a model of its own, with metadata of its own.</summary>
public sealed class OtherFluentDbContext(DbContextOptions options) : FluentDbContext(options);
