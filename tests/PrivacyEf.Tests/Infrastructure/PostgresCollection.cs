namespace PrivacyEf.Tests.Infrastructure;

/// <summary>Every PostgreSQL test class joins this collection to share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
