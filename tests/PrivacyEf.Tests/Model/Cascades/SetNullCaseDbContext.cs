using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Cascades;

public sealed class SetNullCaseDbContext(DbContextOptions<SetNullCaseDbContext> options) : CaseDbContext(options, DeleteBehavior.SetNull);
