using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInferenceTests(PostgresFixture fixture) : InferenceTests(new PostgresTarget(fixture));
