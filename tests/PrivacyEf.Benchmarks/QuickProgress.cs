namespace PrivacyEf.Benchmarks;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, at once (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class QuickProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
