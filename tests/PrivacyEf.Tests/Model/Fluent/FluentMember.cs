namespace PrivacyEf.Tests.Model.Fluent;

/// <summary>An entity with no attributes at all: what protects it comes only from <see cref="FluentDbContext"/>'s configuration.</summary>
public class FluentMember
{
    public int Id { get; set; }

    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    public DateTime? BirthDate { get; set; }

    public string? Notes { get; set; }

    public string Tier { get; set; } = "";

    public bool OnHold { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
