using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Cascades;

public sealed class RestrictCaseDbContext(DbContextOptions<RestrictCaseDbContext> options) : CaseDbContext(options, DeleteBehavior.Restrict);
