using BenchmarkDotNet.Running;
using PrivacyEf.Benchmarks;
using PrivacyEf.Benchmarks.Encryption;
using PrivacyEf.Benchmarks.Redaction;

// `--quick` prints stopwatch ratios in seconds; anything else goes to BenchmarkDotNet
// (for example `-- --filter *Encryption*`).
if (args.Contains("--quick"))
{
    EncryptedColumnBenchmarks.Quick();
    RedactionBenchmarks.Quick();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QuickComparison).Assembly).Run(args);
