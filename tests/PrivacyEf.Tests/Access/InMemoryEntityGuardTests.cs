using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class InMemoryEntityGuardTests() : EntityGuardTests(new InMemoryTarget());
