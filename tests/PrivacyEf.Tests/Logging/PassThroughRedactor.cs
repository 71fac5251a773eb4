using Microsoft.Extensions.Compliance.Redaction;

namespace PrivacyEf.Tests.Logging;

/// <summary>The fallback of an application that redacts only its own taxonomy and writes every other classification as it is.</summary>
internal sealed class PassThroughRedactor : Redactor
{
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
