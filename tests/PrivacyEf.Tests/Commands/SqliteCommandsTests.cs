using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Commands;

public sealed class SqliteCommandsTests() : CommandsTests(new SqliteTarget());
