using BenchmarkDotNet.Running;
using PrivacyEf.Benchmarks;
using PrivacyEf.Benchmarks.Access;
using PrivacyEf.Benchmarks.Encryption;
using PrivacyEf.Benchmarks.Logging;
using PrivacyEf.Benchmarks.Reads;
using PrivacyEf.Benchmarks.Retention;
using PrivacyEf.Benchmarks.Redaction;

// `--quick` prints stopwatch ratios in seconds; anything else goes to BenchmarkDotNet
// (for example `-- --filter *Encryption*`).
// `--quick-read` runs only the read comparisons (encrypted columns, masking and the access log).
// `--quick-access-log` compares the access log off, asynchronous and synchronous.
// `--quick-speed [rounds]` runs only issue 13's speed goals (median of interleaved rounds, default 15;
// PRIVACYEF_BENCH_BREAKDOWN=1 adds the parts of the agent's cost: masking alone, the access log alone).
// `--quick-lookup` runs only the blind-index lookup comparisons (also mid-rotation).
// `--quick-log` times logging with and without the free-text opt-in of AddPrivacyLogRedaction.
// `--quick-retention [rows,rows...]` times the purge (default 100000 rows; naive EF up to 100000).
if (args.Length > 0 && args[0] == "--quick-retention")
{
    var rowCounts = args.Length > 1 ? args[1].Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [100_000];
    await RetentionBenchmarks.QuickAsync(rowCounts, naiveLimit: 100_000);
    return;
}

if (args.Length > 0 && args[0] == "--quick-speed")
{
    ReadSpeedBenchmarks.Quick(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

if (args.Contains("--quick-read"))
{
    ReadSpeedBenchmarks.Quick();
    EncryptedColumnBenchmarks.Quick();
    AccessBenchmarks.Quick();
    return;
}

if (args.Contains("--quick-log"))
{
    LogRedactionBenchmarks.Quick();
    return;
}

if (args.Contains("--quick-access-log"))
{
    AccessBenchmarks.QuickDurability();
    return;
}

if (args.Contains("--quick-lookup"))
{
    SearchableLookupBenchmarks.Quick();
    return;
}

if (args.Contains("--quick-redaction"))
{
    RedactionBenchmarks.Quick();
    return;
}

if (args.Contains("--quick"))
{
    EncryptedColumnBenchmarks.Quick();
    SearchableLookupBenchmarks.Quick();
    await ReencryptionThroughput.RunAsync(10_000, 100_000);
    RedactionBenchmarks.Quick();
    AccessBenchmarks.Quick();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QuickComparison).Assembly).Run(args);
