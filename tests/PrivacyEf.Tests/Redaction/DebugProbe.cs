using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

public sealed class DebugProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var text in File.ReadAllLines("/tmp/probe.txt"))
        {
            var r = PiiRedactor.Default.Redact(text);
            output.WriteLine(text + "  =>  " + string.Join("; ", r.Findings.Select(f => $"{f.Label}={text.AsSpan(f.Start, f.Length)}")));
        }
    }
}
