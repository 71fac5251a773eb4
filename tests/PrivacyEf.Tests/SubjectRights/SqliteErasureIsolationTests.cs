using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteErasureIsolationTests() : ErasureIsolationTests(new SqliteTarget());
