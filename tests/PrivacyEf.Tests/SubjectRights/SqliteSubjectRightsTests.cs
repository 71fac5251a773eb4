using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteSubjectRightsTests() : SubjectRightsTests(new SqliteTarget());
