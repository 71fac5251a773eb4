using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>What the model's fluent configuration declared on one property.</summary>
/// <param name="Property">The property.</param>
/// <param name="Personal">Its <c>IsPersonal</c>, or null.</param>
/// <param name="Purposes">Its <c>HasPurposes</c>, or null.</param>
internal sealed record FluentProperty(IReadOnlyProperty Property, PersonalDeclaration? Personal, string[]? Purposes);
