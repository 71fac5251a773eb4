using System.ComponentModel;

namespace PrivacyEf.Internal;

/// <summary>
/// Implemented by the generator on every annotated entity class declared <c>partial</c>: a slot on the instance where
/// the read guard keeps the masks it put there, so that saving the instance never writes a mask back. Without it the
/// guard keeps them in a weak table keyed by the instance, which costs a GC handle per masked row.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPrivacyMaskCarrier
{
    /// <summary>The masks on this instance, opaque to everything but PrivacyEf's read guard; null when none.</summary>
    object? PrivacyEfMasks { get; set; }
}
