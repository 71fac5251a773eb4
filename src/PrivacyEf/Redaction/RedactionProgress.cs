namespace PrivacyEf;

/// <summary>How far <c>RedactExistingAsync</c> has come; reported after every batch and returned at the end.</summary>
/// <param name="EntityType">The entity type being redacted.</param>
/// <param name="Batches">The batches committed so far.</param>
/// <param name="RowsScanned">The rows read so far.</param>
/// <param name="RowsRedacted">The rows whose text changed.</param>
/// <param name="Findings">The findings replaced.</param>
/// <param name="LastKey">The primary key of the last row committed: pass it as <see cref="RedactExistingOptions.ResumeAfter"/> to continue from there.</param>
/// <param name="Completed">Whether every row has been seen.</param>
public sealed record RedactionProgress(string EntityType, int Batches, long RowsScanned, long RowsRedacted, long Findings, object? LastKey, bool Completed);
