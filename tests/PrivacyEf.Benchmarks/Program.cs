using BenchmarkDotNet.Running;
using PrivacyEf.Benchmarks;
using PrivacyEf.Benchmarks.Encryption;

// `--quick` prints stopwatch ratios in seconds; anything else goes to BenchmarkDotNet
// (for example `-- --filter *Encryption*`).
if (args.Contains("--quick"))
{
    EncryptedColumnBenchmarks.Quick();
    SearchableLookupBenchmarks.Quick();
    await ReencryptionThroughput.RunAsync(10_000, 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QuickComparison).Assembly).Run(args);
