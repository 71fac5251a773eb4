namespace PrivacyEf.Tests.Model.Kinds.Unnamed;

/// <summary>
/// A link with neither a named kind nor a navigation, in a model with several kinds: whose is it? Kept in a namespace
/// of its own, away from the kinds, so that the generator's PRIV021 (which counts kinds per namespace) lets the test
/// project build and the run-time refusal can be tested.
/// </summary>
public class Memo
{
    public int Id { get; set; }

    [DataSubject]
    public int PersonId { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Text { get; set; } = "";
}
