using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// A personal property a query uses without returning it through the projection guard: in a condition, an ordering,
/// a grouping or join key, an aggregate, or an operator whose output the guard cannot mask.
/// </summary>
/// <param name="Entity">The entity the property belongs to.</param>
/// <param name="Property">The property.</param>
/// <param name="Operator">The query operator that uses it (<c>Where</c>, <c>OrderBy</c>, <c>Count</c>, ...).</param>
internal sealed record ConditionUse(PrivacyEntityMetadata Entity, PrivacyPropertyMetadata Property, string Operator);
