using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Fluent;

public sealed class SqliteFluentConfigurationTests() : FluentConfigurationTests(new SqliteTarget());
