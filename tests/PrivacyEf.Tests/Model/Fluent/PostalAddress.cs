namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>An owned type with no attributes, owned twice by <see cref="FluentOrder"/>.</summary>
public class PostalAddress
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";
}
