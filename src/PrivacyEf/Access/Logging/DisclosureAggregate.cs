namespace PrivacyEf.Access.Logging;

/// <summary>What one query disclosed of one entity type: the properties, how many rows, whose data.</summary>
internal sealed class DisclosureAggregate
{
    private readonly Dictionary<string, int> propertyReads = new(StringComparer.Ordinal);
    private readonly HashSet<string> subjects = new(StringComparer.Ordinal);

    public IEnumerable<string> Properties => propertyReads.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Subjects => subjects.Order(StringComparer.Ordinal);

    /// <summary>Rows disclosed: a row discloses each of its properties once, so the most-read property counts them.</summary>
    public int RowCount => propertyReads.Count == 0 ? 0 : propertyReads.Values.Max();

    public void Add(string property, string? subject)
    {
        propertyReads[property] = propertyReads.GetValueOrDefault(property) + 1;
        AddSubject(subject);
    }

    public void AddSubject(string? subject)
    {
        if (subject is not null)
        {
            subjects.Add(subject);
        }
    }
}
