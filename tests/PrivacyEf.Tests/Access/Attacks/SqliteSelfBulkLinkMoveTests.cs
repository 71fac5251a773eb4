using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

public sealed class SqliteSelfBulkLinkMoveTests() : SelfBulkLinkMoveTests(new SqliteTarget());
