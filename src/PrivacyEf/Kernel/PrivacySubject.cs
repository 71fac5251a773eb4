namespace PrivacyEf;

/// <summary>
/// A data subject acting for themselves: the kind (the entity that is the person, such as <c>Customer</c>) and the id.
/// A scope that carries one may read and change that person's own rows as far as its purpose allows the self
/// (<see cref="PurposeOptions.AllowSelf"/>), while everyone else's stay as its roles allow.
/// </summary>
public sealed class PrivacySubject
{
    private PrivacySubject(Type kind, object id)
    {
        Kind = kind;
        Id = id;
        IdText = Kernel.SubjectIds.Format(id);
    }

    /// <summary>The entity that is the person.</summary>
    public Type Kind { get; }

    /// <summary>The person's id, as the kind's key holds it or as text (a claim's value).</summary>
    public object Id { get; }

    /// <summary>The id in the text form rows' subject ids are compared in.</summary>
    internal string IdText { get; }

    /// <summary>The data subject of kind <typeparamref name="TSubject"/> with the id <paramref name="id"/>.</summary>
    /// <typeparam name="TSubject">The entity that is the person; its own key is marked <c>[DataSubject]</c>.</typeparam>
    /// <param name="id">The id: the key's value, or its text (digits, a GUID).</param>
    /// <returns>The subject.</returns>
    public static PrivacySubject Of<TSubject>(object id)
        where TSubject : class => Of(typeof(TSubject), id);

    /// <summary>The data subject of kind <paramref name="kind"/> with the id <paramref name="id"/>.</summary>
    /// <param name="kind">The entity that is the person.</param>
    /// <param name="id">The id: the key's value, or its text.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException">The id is blank text.</exception>
    public static PrivacySubject Of(Type kind, object id)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(id);
        if (id is string text && string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"The id of a {kind.Name} acting for themselves is blank.", nameof(id));
        }

        return new PrivacySubject(kind, id);
    }

    /// <summary>Whether a row whose subject link holds <paramref name="rowSubject"/> is this person's.</summary>
    /// <remarks>An id whose text does not tell it apart (an id type without a ToString of its own) is no one's.</remarks>
    internal bool Owns(object? rowSubject) =>
        rowSubject is not null && Kernel.SubjectIds.IsDistinct(rowSubject) && string.Equals(Kernel.SubjectIds.Format(rowSubject), IdText, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind.Name} {IdText}";
}
