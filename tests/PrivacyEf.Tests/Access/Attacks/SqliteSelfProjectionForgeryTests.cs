using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteSelfProjectionForgeryTests() : SelfProjectionForgeryTests(new SqliteTarget());
