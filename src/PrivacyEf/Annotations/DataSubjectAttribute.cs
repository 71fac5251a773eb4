namespace PrivacyEf;

/// <summary>
/// Marks the property that identifies whose personal data a row is: the subject's own key on the subject
/// entity, or the foreign key to the subject elsewhere. Export, erasure and consent find rows through it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class DataSubjectAttribute : Attribute;
