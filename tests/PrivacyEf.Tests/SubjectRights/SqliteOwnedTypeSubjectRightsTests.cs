using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteOwnedTypeSubjectRightsTests() : OwnedTypeSubjectRightsTests(new SqliteTarget());
