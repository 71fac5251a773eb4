using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

// EF's in-memory store applies value converters inside the store itself (with the converters of the
// model that created the table), so key-ring isolation and stored bytes are tested on the relational providers.
public sealed class InMemoryEncryptionTests() : EncryptionTests(new InMemoryTarget());
