using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

public sealed class InMemoryInferenceTests() : InferenceTests(new InMemoryTarget());
