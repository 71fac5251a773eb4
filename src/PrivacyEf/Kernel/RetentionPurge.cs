using System.ComponentModel;

namespace PrivacyEf.Internal;

/// <summary>
/// The typed purge of one entity type, generated from its <see cref="RetainAttribute"/> and registered with
/// its metadata, so the purge needs no reflection over attributes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RetentionPurge
{
    private protected RetentionPurge()
    {
    }

    /// <summary>The entity's CLR type.</summary>
    public abstract Type EntityType { get; }
}
