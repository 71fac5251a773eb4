using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteSelfWriteRaceTests() : SelfWriteRaceTests(new SqliteTarget());
