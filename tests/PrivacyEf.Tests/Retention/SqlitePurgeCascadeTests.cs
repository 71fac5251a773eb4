using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

public sealed class SqlitePurgeCascadeTests() : PurgeCascadeTests(new SqliteTarget());
