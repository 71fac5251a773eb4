using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// A personal property a query uses without returning it through the projection guard: in a condition, an ordering,
/// a grouping or join key, an aggregate, or an operator whose output the guard cannot mask.
/// </summary>
/// <param name="Entity">The entity the property belongs to.</param>
/// <param name="Property">The property.</param>
/// <param name="Operator">The query operator that uses it (<c>Where</c>, <c>OrderBy</c>, <c>Count</c>, ...).</param>
/// <param name="Returned">
/// Whether the operator returns the property's values (<c>Distinct</c>, <c>Union</c>, <c>Max</c>, ...), past the
/// projection guard: a scope that may see them gets them real, and the run is written to the access log.
/// </param>
internal sealed record ConditionUse(PrivacyEntityMetadata Entity, PrivacyPropertyMetadata Property, string Operator, bool Returned = false);
