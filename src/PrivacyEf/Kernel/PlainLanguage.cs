using System.Globalization;
using System.Text;

namespace PrivacyEf.Kernel;

/// <summary>Turns model names and periods into the words a privacy notice uses.</summary>
internal static class PlainLanguage
{
    /// <summary><c>ClosedAt</c> becomes "closed", <c>PhoneNumber</c> "phone number", <c>Email</c> "e-mail address".</summary>
    public static string Describe(string propertyName)
    {
        var words = SplitWords(propertyName).Select(w => w.ToLowerInvariant()).ToList();
        if (words.Count > 1 && words[^1] is "at" or "on" or "date")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words.Select(word => word switch
        {
            "email" => "e-mail address",
            "iban" => "bank account (IBAN)",
            _ => word,
        }));
    }

    /// <summary>730 days becomes "two years"; 45 days "45 days"; 90 days "three months".</summary>
    public static string Period(int days) => days switch
    {
        _ when days % 365 == 0 => Count(days / 365, "year"),
        _ when days % 30 == 0 => Count(days / 30, "month"),
        _ when days % 7 == 0 => Count(days / 7, "week"),
        _ => Count(days, "day"),
    };

    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Count(int count, string unit)
    {
        string[] small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        var number = count < small.Length ? small[count] : count.ToString(CultureInfo.InvariantCulture);
        return $"{number} {unit}{(count == 1 ? "" : "s")}";
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if ((boundary || c == '_') && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (c != '_')
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
