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

    private PrivacyAccessDeniedException(string entityName, string propertyName, string? purpose, string message)
        : base(message)
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

    /// <summary>A refused read of <paramref name="entityName"/>.<paramref name="propertyName"/> (with <see cref="AccessDeniedBehavior.Throw"/>).</summary>
    internal static PrivacyAccessDeniedException ForRead(string entityName, string propertyName, string? purpose) =>
        new(entityName, propertyName, purpose, DescribeRead(entityName, propertyName, purpose));

    /// <summary>A refused write of <paramref name="entityName"/>.<paramref name="propertyName"/>; <paramref name="adding"/> when it is written because its entity is being added.</summary>
    internal static PrivacyAccessDeniedException ForWrite(string entityName, string propertyName, string? purpose, bool adding) =>
        new(entityName, propertyName, purpose, DescribeWrite(entityName, propertyName, purpose, adding));

    /// <summary>A refused run of a query that uses <paramref name="entityName"/>.<paramref name="propertyName"/> in <paramref name="queryOperator"/>.</summary>
    internal static PrivacyAccessDeniedException ForCondition(string entityName, string propertyName, string? purpose, string queryOperator) =>
        new(entityName, propertyName, purpose, DescribeCondition(entityName, propertyName, purpose, queryOperator));

    private static string DescribeRead(string entityName, string propertyName, string? purpose) =>
        purpose is null
            ? $"No access scope is open, so {entityName}.{propertyName} may not be read; open one with Privacy.Access(...) or Privacy.System(...)."
            : $"The access scope for purpose '{purpose}' may not read {entityName}.{propertyName}: the property's purposes or the scope's role grants do not allow it.";

    /// <summary>Raw SQL over rows a scope acting for itself could own: the SQL says whose rows they are.</summary>
    internal static PrivacyAccessDeniedException ForRawSqlActingForSelf(string entityName, string linkName, string purpose, PrivacySubject self) =>
        new(entityName, linkName, purpose,
            $"The access scope for purpose '{purpose}', acting for {self}, may not read {entityName} through raw SQL (FromSql): which rows are {self}'s comes from " +
            $"the {entityName}.{linkName} column the SQL returns, and SQL can return any value there. Read them with LINQ, or in a scope that does not act for itself.");

    /// <summary>A query that follows a navigation to rows the consent filter cannot check, under a consent-bound purpose.</summary>
    internal static PrivacyAccessDeniedException ForConsentNavigation(string navigation, string purpose)
    {
        var dot = navigation.IndexOf('.', StringComparison.Ordinal);
        return new(navigation[..dot], navigation[(dot + 1)..], purpose,
            $"Purpose '{purpose}' requires consent, and the query follows {navigation} to rows of a data subject: consent is checked on the rows a query starts from, " +
            "not on those a navigation, Include or automatic include brings in, so the rows of people who never consented could flow. Query that entity's set directly, so that its rows are filtered too.");
    }

    /// <summary>A write allowed only in the scope's own data subject's rows, to a row that is not theirs.</summary>
    internal static PrivacyAccessDeniedException ForOtherSubjectsRow(string entityName, string propertyName, string purpose, PrivacySubject self) =>
        new(entityName, propertyName, purpose,
            $"The access scope for purpose '{purpose}', acting for {self}, may write {entityName}.{propertyName} only in rows of {self}: " +
            "this row is (or was, in the database) another data subject's, and a person may neither change others' data nor move others' rows to themselves.");

    private static string DescribeWrite(string entityName, string propertyName, string? purpose, bool adding)
    {
        // Adding names the property too: the caller may not have set it on purpose, yet a new row stores it.
        var what = adding
            ? $"{entityName}.{propertyName} (an added {entityName} writes each personal property that has a value)"
            : $"{entityName}.{propertyName}";
        return purpose is null
            ? $"No access scope is open, so {what} may not be written; open one with Privacy.Access(...) or Privacy.System(...) around SaveChanges, or allow unscoped writes with PrivacyOptions.WritesWithoutScope = UnscopedWrites.Allow."
            : $"The access scope for purpose '{purpose}' may not write {what}: the property's purposes or the scope's role grants do not allow it.";
    }

    private static string DescribeCondition(string entityName, string propertyName, string? purpose, string queryOperator)
    {
        var who = purpose is null ? "No access scope is open, so the query" : $"The access scope for purpose '{purpose}'";
        return $"{who} may not use {entityName}.{propertyName} in {queryOperator}: filtering, sorting, grouping, joining, "
            + "aggregating or comparing by a value discloses what its mask hides, one question at a time. Use it in a scope that may "
            + "read it (or Privacy.System(...)), or set PrivacyOptions.AllowConditionsOnHiddenValues.";
    }
}
