using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Dialects;

public sealed class SqliteDialectTests() : SqlDialectTests(new SqliteTarget(), "BLOB");
