namespace PrivacyEf;

/// <summary>
/// Marks a <c>bool</c> property that, when true, keeps the row out of the retention purge and erasure
/// (for example while litigation is pending).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class LegalHoldAttribute : Attribute;
