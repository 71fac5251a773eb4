using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteSelfDeleteTests() : SelfDeleteTests(new SqliteTarget());
