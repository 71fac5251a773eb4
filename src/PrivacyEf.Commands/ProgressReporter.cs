namespace PrivacyEf.Commands;

/// <summary>
/// Hands each report straight to a callback on the reporting thread. <see cref="Progress{T}"/> would post it to a
/// synchronization context instead, so the last batch could arrive after the summary.
/// </summary>
/// <typeparam name="T">The progress value.</typeparam>
internal sealed class ProgressReporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
