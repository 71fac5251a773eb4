using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class InMemoryProjectionShapeTests() : ProjectionShapeTests(new InMemoryTarget());
