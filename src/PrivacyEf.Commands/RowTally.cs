namespace PrivacyEf.Commands;

/// <summary>Rows finished so far, per entity, from progress reports that carry each entity's running count.</summary>
internal sealed class RowTally
{
    private readonly Dictionary<string, long> rows = new(StringComparer.Ordinal);

    public long Total
    {
        get
        {
            lock (rows)
            {
                return rows.Values.Sum();
            }
        }
    }

    public void Set(string entity, long processed)
    {
        lock (rows)
        {
            rows[entity] = processed;
        }
    }
}
