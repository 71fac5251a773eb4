namespace PrivacyEf.Access;

/// <summary>
/// The masks put on one loaded entity, by position in its <see cref="EntityAccessPlan.Properties"/>: one small
/// object per masked entity, since a masked query makes one for every row.
/// </summary>
internal sealed class MaskedValues(EntityAccessPlan plan)
{
    private static readonly object NotMasked = new();

    private readonly object?[] values = CreateValues(plan.Properties.Count);

    public EntityAccessPlan Plan { get; } = plan;

    public bool IsEmpty { get; private set; } = true;

    public void Set(int index, object? mask)
    {
        values[index] = mask;
        IsEmpty = false;
    }

    public bool TryGet(int index, out object? mask)
    {
        mask = values[index];
        return !ReferenceEquals(mask, NotMasked);
    }

    private static object?[] CreateValues(int count)
    {
        var values = new object?[count];
        Array.Fill(values, NotMasked);
        return values;
    }
}
