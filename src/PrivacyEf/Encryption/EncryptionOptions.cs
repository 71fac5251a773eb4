namespace PrivacyEf.Encryption;

/// <summary>The encryption part of <see cref="PrivacyOptions"/>, which forwards its encryption settings here.</summary>
internal sealed class EncryptionOptions
{
    private readonly Dictionary<(Type Entity, string Property), SearchNormalization> searchNormalizations = [];

    public string KeyTableName { get; set; } = "privacy_data_keys";

    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool AllowLegacyPlaintextReads { get; set; }

    public IReadOnlyDictionary<(Type Entity, string Property), SearchNormalization> SearchNormalizations => searchNormalizations;

    public void NormalizeSearch(Type entity, string property, SearchNormalization normalization) =>
        searchNormalizations[(entity, property)] = normalization;
}
