namespace PrivacyEf;

/// <summary>
/// A query asks the database to do something with an encrypted property that it cannot do on ciphertext
/// (order, compare ranges, search inside the text, group), which would otherwise give a silently wrong result.
/// </summary>
public sealed class PrivacyQueryException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityName">The entity type of the encrypted property.</param>
    /// <param name="propertyName">The encrypted property.</param>
    /// <param name="operation">What the query tried to do with it.</param>
    /// <param name="advice">How to get the intended result.</param>
    public PrivacyQueryException(string entityName, string propertyName, string operation, string advice)
        : base($"{entityName}.{propertyName} is encrypted, so the database cannot {operation} (it only holds ciphertext). {advice}")
    {
        EntityName = entityName;
        PropertyName = propertyName;
        Operation = operation;
    }

    /// <summary>The entity type of the encrypted property.</summary>
    public string EntityName { get; }

    /// <summary>The encrypted property.</summary>
    public string PropertyName { get; }

    /// <summary>What the query tried to do with it.</summary>
    public string Operation { get; }
}
