namespace SupportDesk;

/// <summary>Reports progress on the calling thread, so lines print in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class ConsoleProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
