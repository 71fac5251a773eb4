using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Self;

public sealed class SqliteSelfWriteTests() : SelfWriteTests(new SqliteTarget());
