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

    /// <summary>
    /// The mask of property <paramref name="index"/> of <paramref name="plan"/>: the plan these masks were recorded
    /// under, or another model's plan of the same entity (a second context type over the same classes), matched by name.
    /// </summary>
    /// <remarks>
    /// By name alone: the masks belong to this instance, so its property of that name holds a mask whichever model saves
    /// it. Each model has metadata of its own (fluent declarations are per model), so the metadata cannot tell.
    /// </remarks>
    public bool TryGet(EntityAccessPlan plan, int index, out object? mask)
    {
        if (ReferenceEquals(plan, Plan))
        {
            return TryGet(index, out mask);
        }

        var name = plan.Properties[index].Name;
        for (var own = 0; own < Plan.Properties.Count; own++)
        {
            if (Plan.Properties[own].Name == name)
            {
                return TryGet(own, out mask);
            }
        }

        mask = null;
        return false;
    }

    private static object?[] CreateValues(int count)
    {
        var values = new object?[count];
        Array.Fill(values, NotMasked);
        return values;
    }
}
