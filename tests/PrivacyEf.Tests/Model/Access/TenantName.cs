namespace PrivacyEf.Tests.Model.Access;

public sealed record TenantName(string Name);
