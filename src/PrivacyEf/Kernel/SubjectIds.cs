using System.Globalization;

namespace PrivacyEf.Kernel;

/// <summary>The one text form of a data subject id, used by the consent table and the access log.</summary>
internal static class SubjectIds
{
    public static string Format(object subject) => subject switch
    {
        string text => text,
        Guid guid => guid.ToString("D"),

        // Bytes have no text of their own (ToString() is "System.Byte[]" for all), so every id would read as one.
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => subject.ToString() ?? "",
    };

    /// <summary>
    /// Whether <paramref name="subject"/>'s text tells it apart from other ids of its type: false for a type that keeps
    /// object's <c>ToString()</c> (a class or struct id without one of its own), whose every value prints its type name.
    /// </summary>
    public static bool IsDistinct(object subject) =>
        subject is string or Guid or byte[] or IFormattable
        || (subject.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
            && declaring != typeof(object) && declaring != typeof(ValueType));
}
