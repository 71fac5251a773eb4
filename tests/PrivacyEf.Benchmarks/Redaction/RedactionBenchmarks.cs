using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using PrivacyEf;

namespace PrivacyEf.Benchmarks.Redaction;

/// <summary>Redaction throughput on one thread: one large text, and the same text as separate chat messages.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const int CorpusChars = 1024 * 1024;

    private string document = "";
    private string[] messages = [];

    [GlobalSetup]
    public void Setup()
    {
        document = ConversationCorpus.Build(CorpusChars);
        messages = ConversationCorpus.Messages(CorpusChars);
    }

    [Benchmark(Baseline = true, Description = "1 MB conversation as one text")]
    public int Document() => PiiRedactor.Default.Redact(document).Findings.Count;

    [Benchmark(Description = "1 MB conversation as chat messages")]
    public int Messages()
    {
        var findings = 0;
        foreach (var message in messages)
        {
            findings += PiiRedactor.Default.Redact(message).Findings.Count;
        }

        return findings;
    }

    /// <summary>Quick mode: MB/s (UTF-8 megabytes of input) and bytes allocated per MB, with a stopwatch, on this thread.</summary>
    public static void Quick()
    {
        var document = ConversationCorpus.Build(4 * CorpusChars);
        var messages = ConversationCorpus.Messages(4 * CorpusChars);
        var megabytes = Encoding.UTF8.GetByteCount(document) / (1024.0 * 1024.0);
        void Messages()
        {
            foreach (var message in messages)
            {
                PiiRedactor.Default.Redact(message);
            }
        }

        void Document() => PiiRedactor.Default.Redact(document);

        var pasted = ConversationCorpus.BuildPasted(4 * CorpusChars);
        var pastedMessages = pasted.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        void PastedMessages()
        {
            foreach (var message in pastedMessages)
            {
                PiiRedactor.Default.Redact(message);
            }
        }

        void PastedDocument() => PiiRedactor.Default.Redact(pasted);

        // Both warm up before either is timed: the first run of a process pays for tiering and heap growth.
        WarmUp(Messages);
        WarmUp(Document);
        Measure("redaction, conversation as chat messages", megabytes, Messages);
        Measure("redaction, conversation as one text", megabytes, Document);

        // Every tenth message with full-width digits and no-break spaces: those messages (and a document that
        // holds any) are folded to ASCII first, one copy of the text.
        WarmUp(PastedMessages);
        WarmUp(PastedDocument);
        var pastedMegabytes = Encoding.UTF8.GetByteCount(pasted) / (1024.0 * 1024.0);
        Measure("redaction, 1 message in 10 pasted (full-width), messages", pastedMegabytes, PastedMessages);
        Measure("redaction, 1 message in 10 pasted (full-width), one text", pastedMegabytes, PastedDocument);
    }

    /// <summary>Runs for a second, so the scanners run as tier-1 code (what a long-running server runs) when timed.</summary>
    private static void WarmUp(Action action)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            action();
        }
    }

    private static void Measure(string name, double megabytes, Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-58} {megabytes,6:F2} MB in {best.TotalMilliseconds,8:F1} ms = {megabytes / best.TotalSeconds,7:F1} MB/s, {allocated / megabytes / 1024,9:F1} KB allocated per MB"));
    }
}
