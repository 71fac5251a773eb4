using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteSubjectKindTests() : SubjectKindTests(new SqliteTarget());
