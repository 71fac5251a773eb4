using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

public sealed class SqliteShadowForeignKeyTests() : ShadowForeignKeyTests(new SqliteTarget());
