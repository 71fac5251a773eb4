using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class SqliteConsentKindTests() : ConsentKindTests(new SqliteTarget());
