using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Records;

public class RecordDbContext(DbContextOptions<RecordDbContext> options) : DbContext(options)
{
    public DbSet<RecordDeletedRow> DeletedRows => Set<RecordDeletedRow>();

    public DbSet<RecordAnonymizedRow> AnonymizedRows => Set<RecordAnonymizedRow>();
}
