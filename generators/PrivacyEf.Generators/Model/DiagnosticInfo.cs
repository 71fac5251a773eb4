using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Diagnostics;

namespace PrivacyEf.Generators.Model;

/// <summary>A diagnostic found while parsing, kept as plain values until the diagnostics step reports it.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor.Id, location, messageArgs.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var args = new object?[MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(DescriptorId), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
