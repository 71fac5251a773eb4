namespace PrivacyEf;

/// <summary>
/// Thrown when an access scope reads (with <see cref="AccessDeniedBehavior.Throw"/>) or writes a personal property
/// its roles and purpose do not allow.
/// </summary>
public sealed class PrivacyAccessDeniedException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public PrivacyAccessDeniedException()
        : this("Access to personal data was denied.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PrivacyAccessDeniedException(string message)
        : base(message)
    {
        EntityName = "";
        PropertyName = "";
        Purpose = "";
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
        EntityName = "";
        PropertyName = "";
        Purpose = "";
    }

    internal PrivacyAccessDeniedException(string entityName, string propertyName, string? purpose, bool write)
        : base(Describe(entityName, propertyName, purpose, write))
    {
        EntityName = entityName;
        PropertyName = propertyName;
        Purpose = purpose ?? "";
    }

    internal PrivacyAccessDeniedException(string entityName, string propertyName, string? purpose, string queryOperator)
        : base(DescribeCondition(entityName, propertyName, purpose, queryOperator))
    {
        EntityName = entityName;
        PropertyName = propertyName;
        Purpose = purpose ?? "";
    }

    /// <summary>The entity whose property was denied.</summary>
    public string EntityName { get; }

    /// <summary>The denied property.</summary>
    public string PropertyName { get; }

    /// <summary>The purpose of the scope that was denied; empty when no scope was open.</summary>
    public string Purpose { get; }

    private static string Describe(string entityName, string propertyName, string? purpose, bool write)
    {
        var verb = write ? "write" : "read";
        return purpose is null
            ? $"No access scope is open, so {entityName}.{propertyName} may not be {(write ? "written" : "read")}; open one with Privacy.Access(...) or Privacy.System(...)."
            : $"The access scope for purpose '{purpose}' may not {verb} {entityName}.{propertyName}: the property's purposes or the scope's role grants do not allow it.";
    }

    private static string DescribeCondition(string entityName, string propertyName, string? purpose, string queryOperator)
    {
        var who = purpose is null ? "No access scope is open, so the query" : $"The access scope for purpose '{purpose}'";
        return $"{who} may not use {entityName}.{propertyName} in {queryOperator}: filtering, sorting, grouping, joining, "
            + "aggregating or comparing by a value discloses what its mask hides, one question at a time. Use it in a scope that may "
            + "read it (or Privacy.System(...)), or set PrivacyOptions.AllowConditionsOnHiddenValues.";
    }
}
