using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Redaction;

public sealed class InMemoryRedactionPersistenceTests() : RedactionPersistenceTests(new InMemoryTarget());
