using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access.Masking;
using PrivacyEf.Composition;

namespace PrivacyEf.Logging;

/// <summary>
/// Writes a classified value as its <see cref="MaskStyle.Pseudonym"/> mask, under the application's masking key, so
/// a log line and a masked record show the same token for the same value.
/// </summary>
internal sealed class PseudonymLogRedactor(IServiceProvider services) : Redactor
{
    // Resolved on first use: the runtime logs through the logger factory, which needs this redactor to be built.
    private readonly Lazy<PrivacyRuntime> runtime = new(services.GetRequiredService<PrivacyRuntime>);

    public override int GetRedactedLength(ReadOnlySpan<char> input) => PseudonymToken.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        PseudonymToken.Write(source, runtime.Value.Access.PseudonymKeyFor(MaskStyle.Pseudonym), destination);
        return PseudonymToken.Length;
    }
}
