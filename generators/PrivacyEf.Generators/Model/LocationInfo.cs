using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PrivacyEf.Generators.Model;

/// <summary>
/// Where a diagnostic points, kept as plain values: a <see cref="Location"/> holds its syntax tree, and with it
/// the whole compilation, alive and never compares equal across compilations.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(AttributeData attribute)
        => From(attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation());

    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
