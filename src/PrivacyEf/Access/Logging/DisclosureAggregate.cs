using System.Globalization;
using System.Text;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Logging;

/// <summary>What one query disclosed of one entity type: the properties, how many rows, whose data.</summary>
internal sealed class DisclosureAggregate(string? subjectKind)
{
    private readonly Dictionary<string, int> propertyReads = new(StringComparer.Ordinal);

    // Raw ids, formatted only when the entry is written: this is filled once per row of every query.
    private readonly HashSet<object> subjects = [];

    // Rows materialized as entities under one decision, counted here and folded into propertyReads when the decision changes.
    private IReadOnlyList<GuardedProperty>? rowProperties;
    private bool[]? rowAllowed;
    private int rowCount;

    /// <summary>The kind of data subject of the rows; null when the entity links none.</summary>
    public string? SubjectKind { get; } = subjectKind;

    public IEnumerable<string> Properties
    {
        get
        {
            FoldRows();
            return propertyReads.Keys.Order(StringComparer.Ordinal);
        }
    }

    /// <summary>The subject ids in their natural order (numbers by value, text ordinally), comma-separated.</summary>
    /// <remarks>
    /// Integer keys, the common case, are sorted as numbers rather than through the boxed comparer: a query of 10,000
    /// rows made the writer spend more time ordering and formatting their ids than the reader spent masking them.
    /// </remarks>
    public string JoinedSubjects()
    {
        if (subjects.Count > 0 && subjects.All(static subject => subject is int or long))
        {
            var ids = new long[subjects.Count];
            var next = 0;
            foreach (var subject in subjects)
            {
                ids[next++] = subject is int small ? small : (long)subject;
            }

            Array.Sort(ids);
            var text = new StringBuilder(ids.Length * 6);
            foreach (var id in ids)
            {
                text.Append(text.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{id}");
            }

            return text.ToString();
        }

        return string.Join(',', subjects.Order(SubjectOrder.Instance).Select(SubjectIds.Format));
    }

    /// <summary>Rows disclosed: a row discloses each of its properties once, so the most-read property counts them.</summary>
    public int RowCount
    {
        get
        {
            FoldRows();
            return propertyReads.Count == 0 ? 0 : propertyReads.Values.Max();
        }
    }

    public void Add(string property, object? subject)
    {
        propertyReads[property] = propertyReads.GetValueOrDefault(property) + 1;
        AddSubject(subject);
    }

    public void AddRow(IReadOnlyList<GuardedProperty> properties, bool[] allowed, object? subject)
    {
        if (!ReferenceEquals(allowed, rowAllowed))
        {
            FoldRows();
            rowProperties = properties;
            rowAllowed = allowed;
        }

        rowCount++;
        AddSubject(subject);
    }

    private void AddSubject(object? subject)
    {
        if (subject is not null)
        {
            subjects.Add(subject);
        }
    }

    private void FoldRows()
    {
        if (rowAllowed is null || rowProperties is null || rowCount == 0)
        {
            return;
        }

        for (var i = 0; i < rowAllowed.Length; i++)
        {
            if (rowAllowed[i])
            {
                propertyReads[rowProperties[i].Name] = propertyReads.GetValueOrDefault(rowProperties[i].Name) + rowCount;
            }
        }

        rowCount = 0;
    }

    private sealed class SubjectOrder : IComparer<object>
    {
        public static readonly SubjectOrder Instance = new();

        public int Compare(object? x, object? y) =>
            x is string left && y is string right ? string.CompareOrdinal(left, right) : Comparer<object>.Default.Compare(x, y);
    }
}
