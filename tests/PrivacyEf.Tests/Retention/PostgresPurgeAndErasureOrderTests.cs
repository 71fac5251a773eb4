using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPurgeAndErasureOrderTests(PostgresFixture fixture) : PurgeAndErasureOrderTests(new PostgresTarget(fixture));
