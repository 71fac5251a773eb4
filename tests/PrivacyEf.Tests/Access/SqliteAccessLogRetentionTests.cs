using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteAccessLogRetentionTests() : AccessLogRetentionTests(new SqliteTarget());
