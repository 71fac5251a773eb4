namespace PrivacyEf.Encryption;

/// <summary>A searchable property and the shadow property that holds its blind index.</summary>
internal sealed record SearchableColumn(string Property, string BlindIndexProperty);
