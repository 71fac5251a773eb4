using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteErasureCascadeTests() : ErasureCascadeTests(new SqliteTarget());
