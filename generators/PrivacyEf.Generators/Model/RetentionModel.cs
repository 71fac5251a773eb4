namespace PrivacyEf.Generators.Model;

/// <summary>What a valid <c>[Retain]</c> says.</summary>
/// <param name="FromTypeName">The type of the <c>From</c> property as <c>typeof</c> takes it, e.g. <c>global::System.DateTimeOffset?</c>.</param>
/// <param name="FromIsDateTimeOffset">Whether the <c>From</c> property is a <c>DateTimeOffset</c> (else a <c>DateTime</c>).</param>
/// <param name="FromIsNullable">Whether the <c>From</c> property is nullable; a null date never expires.</param>
internal sealed record RetentionModel(int Days, string FromProperty, EnumValueModel Action, string FromTypeName, bool FromIsDateTimeOffset, bool FromIsNullable);
