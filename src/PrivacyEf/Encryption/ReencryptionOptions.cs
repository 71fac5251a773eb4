namespace PrivacyEf;

/// <summary>Settings of <c>ReencryptAsync</c>.</summary>
public sealed class ReencryptionOptions
{
    /// <summary>Rows per batch; each batch is one transaction. Default: 500.</summary>
    public int BatchSize { get; set; } = 500;
}
