namespace PrivacyEf.Tests.Model.HeldHierarchy;

/// <summary>A filing that can be put under legal hold; the base type knows nothing of it.</summary>
public class DisputedFiling : Filing
{
    [LegalHold]
    public bool OnHold { get; set; }
}
