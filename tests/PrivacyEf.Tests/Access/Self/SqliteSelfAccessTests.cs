using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Self;

public sealed class SqliteSelfAccessTests() : SelfAccessTests(new SqliteTarget());
