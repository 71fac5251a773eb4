using System.Globalization;

namespace PrivacyEf.Kernel;

/// <summary>The one text form of a data subject id, used by the consent table and the access log.</summary>
internal static class SubjectIds
{
    public static string Format(object subject) => subject switch
    {
        string text => text,
        Guid guid => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => subject.ToString() ?? "",
    };
}
