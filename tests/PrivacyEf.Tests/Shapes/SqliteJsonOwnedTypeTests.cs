using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

public sealed class SqliteJsonOwnedTypeTests() : JsonOwnedTypeTests(new SqliteTarget());
