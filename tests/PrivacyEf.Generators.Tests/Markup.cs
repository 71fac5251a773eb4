using Microsoft.CodeAnalysis.Text;

namespace PrivacyEf.Generators.Tests;

/// <summary>Test sources mark the span a diagnostic must point at with <c>[|</c> and <c>|]</c>.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("The source marks no span with [| and |].", nameof(marked));
        }

        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
