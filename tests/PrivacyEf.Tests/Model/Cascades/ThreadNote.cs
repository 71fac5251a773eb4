namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>A note on a thread; one under legal hold must outlive its thread's retention.</summary>
public class ThreadNote
{
    public int Id { get; set; }

    public int? ThreadId { get; set; }

    public ExpiringThread? Thread { get; set; }

    public string Text { get; set; } = "";

    [LegalHold]
    public bool OnHold { get; set; }
}
