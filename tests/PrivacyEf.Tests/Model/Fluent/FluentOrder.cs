namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>An entity that owns two addresses of one class.</summary>
public class FluentOrder
{
    public int Id { get; set; }

    public PostalAddress Billing { get; set; } = new();

    public PostalAddress Shipping { get; set; } = new();
}
