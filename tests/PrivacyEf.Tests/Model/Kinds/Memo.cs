namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>A link with neither a named kind nor a navigation, in a model with several kinds: whose is it?</summary>
public class Memo
{
    public int Id { get; set; }

    [DataSubject]
    public int PersonId { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Text { get; set; } = "";
}
