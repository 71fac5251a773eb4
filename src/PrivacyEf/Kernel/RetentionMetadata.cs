using System.ComponentModel;
namespace PrivacyEf.Internal;

/// <summary>What the generator read from a <see cref="RetainAttribute"/>.</summary>
/// <param name="Days">The retention period in days.</param>
/// <param name="FromProperty">The date property the period counts from.</param>
/// <param name="Action">What happens to expired rows.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record RetentionMetadata(int Days, string FromProperty, RetentionAction Action);
