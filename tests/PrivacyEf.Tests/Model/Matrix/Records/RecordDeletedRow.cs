namespace PrivacyEf.Tests.Model.Matrix.Records;

/// <summary>A positional record whose annotations sit on its parameters, aimed at the properties with <c>property:</c>.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Delete)]
public record RecordDeletedRow(
    int Id,
    [property: DataSubject] int CustomerId,
    DateTimeOffset RecordedAt,
    [property: Personal(PersonalDataCategory.Location, Encrypt = true)] string Street,
    string Country);
