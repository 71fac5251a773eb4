namespace PrivacyEf;

/// <summary>How <c>RedactExistingAsync</c> walks stored rows.</summary>
public sealed class RedactExistingOptions
{
    private int batchSize = 500;

    /// <summary>Rows per batch; each batch is read, redacted and written in one transaction. Default 500.</summary>
    public int BatchSize
    {
        get => batchSize;
        set => batchSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The batch size must be positive.");
    }

    /// <summary>Start after this primary key (a <see cref="RedactionProgress.LastKey"/> of an earlier run); null starts at the beginning.</summary>
    public object? ResumeAfter { get; set; }
}
