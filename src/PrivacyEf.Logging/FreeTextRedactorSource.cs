namespace PrivacyEf.Logging;

/// <summary>
/// The application's <see cref="PiiRedactor"/>, made on the first record. Making it may log (Data Protection creates
/// the key ring's first key for its pseudonym key): those records come back here while it is being made, so they are
/// held and written, redacted, as soon as it exists, instead of waiting on themselves.
/// </summary>
internal sealed class FreeTextRedactorSource(Func<PiiRedactor> create)
{
    [ThreadStatic]
    private static List<Action<PiiRedactor>>? heldWhileCreating;

    private readonly Lock gate = new();
    private volatile PiiRedactor? redactor;

    /// <summary>Runs <paramref name="write"/> with the redactor: now, or once this thread has made it.</summary>
    public void Use(Action<PiiRedactor> write)
    {
        if (redactor is { } made)
        {
            write(made);
            return;
        }

        if (heldWhileCreating is { } held)
        {
            held.Add(write);
            return;
        }

        List<Action<PiiRedactor>> logged;
        lock (gate)
        {
            if (redactor is null)
            {
                heldWhileCreating = [];
                try
                {
                    redactor = create();
                }
                finally
                {
                    logged = heldWhileCreating;
                    heldWhileCreating = null;
                }
            }
            else
            {
                logged = [];
            }
        }

        foreach (var record in logged)
        {
            record(redactor);
        }

        write(redactor);
    }
}
