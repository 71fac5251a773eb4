using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

public sealed class SqliteInheritanceTests() : InheritanceTests(new SqliteTarget());
