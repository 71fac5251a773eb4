using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteConsentNavigationTests() : ConsentNavigationTests(new SqliteTarget());
