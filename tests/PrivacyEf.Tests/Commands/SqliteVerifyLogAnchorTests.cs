using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Commands;

public sealed class SqliteVerifyLogAnchorTests() : VerifyLogAnchorTests(new SqliteTarget());
