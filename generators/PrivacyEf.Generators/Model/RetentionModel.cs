namespace PrivacyEf.Generators.Model;

/// <summary>What a valid <c>[Retain]</c> says.</summary>
internal sealed record RetentionModel(int Days, string FromProperty, EnumValueModel Action);
