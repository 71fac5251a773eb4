using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteSelfIdCollisionTests() : SelfIdCollisionTests(new SqliteTarget());
