using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Cascades;

public sealed class CascadeCaseDbContext(DbContextOptions<CascadeCaseDbContext> options) : CaseDbContext(options, DeleteBehavior.Cascade);
