namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>
/// A derived dependent that declares a foreign key of its own: the purge works on <see cref="Perk"/> rows, and an order
/// that reads only the base type's foreign keys misses this one.
/// </summary>
public class LoungePass : Perk
{
    public int? AccountId { get; set; }

    public Account? Account { get; set; }
}
