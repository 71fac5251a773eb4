using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

public sealed class SqlitePurgeAndErasureOrderTests() : PurgeAndErasureOrderTests(new SqliteTarget());
