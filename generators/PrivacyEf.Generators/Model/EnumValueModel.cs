namespace PrivacyEf.Generators.Model;

/// <summary>
/// An enum argument of an attribute: the member's name when the value has one, else only the number
/// (someone wrote a cast such as <c>(MaskStyle)42</c>).
/// </summary>
internal sealed record EnumValueModel(string? MemberName, int Value);
