using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

public sealed class SqliteDerivedTypeHoldTests() : DerivedTypeHoldTests(new SqliteTarget());
