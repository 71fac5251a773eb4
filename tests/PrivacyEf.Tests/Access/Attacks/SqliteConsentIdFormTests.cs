using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteConsentIdFormTests() : ConsentIdFormTests(new SqliteTarget());
