namespace PrivacyEf;

/// <summary>
/// Marks the property that identifies whose personal data a row is: the subject's own key on the subject
/// entity, or the foreign key to the subject elsewhere. Export, erasure and consent find rows through it.
/// </summary>
/// <remarks>
/// A model with one kind of data subject (one entity whose own key is marked) needs nothing more. With several kinds
/// (customers and employees), a foreign key names its kind, <c>[DataSubject(typeof(Customer))]</c>, unless its
/// navigation already leads to one; <c>ExportSubjectAsync&lt;Customer&gt;</c> then reaches only the rows of that kind.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class DataSubjectAttribute : Attribute
{
    /// <summary>Marks the subject's own key, or a link to the model's only kind of data subject.</summary>
    public DataSubjectAttribute()
    {
    }

    /// <summary>Marks a link to the data subject of the given kind.</summary>
    /// <param name="kind">The entity that is the person (its own key is marked <c>[DataSubject]</c>).</param>
    public DataSubjectAttribute(Type kind) => Kind = kind;

    /// <summary>The kind of data subject the marked property links to; null when not named.</summary>
    public Type? Kind { get; }
}
