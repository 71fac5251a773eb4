using BenchmarkDotNet.Running;
using PrivacyEf.Benchmarks;
using PrivacyEf.Benchmarks.Access;
using PrivacyEf.Benchmarks.Encryption;

// `--quick` prints stopwatch ratios in seconds; anything else goes to BenchmarkDotNet
// (for example `-- --filter *Encryption*`).
if (args.Contains("--quick"))
{
    EncryptedColumnBenchmarks.Quick();
    AccessBenchmarks.Quick();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QuickComparison).Assembly).Run(args);
