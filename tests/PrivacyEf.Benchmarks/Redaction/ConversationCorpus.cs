using System.Text;

namespace PrivacyEf.Benchmarks.Redaction;

/// <summary>
/// A synthetic support conversation in English, German and Dutch: mostly ordinary text with numbers, dates,
/// versions and amounts, and about one message in five carrying personal data. Deterministic per seed.
/// </summary>
public static class ConversationCorpus
{
    private static readonly string[] Ordinary =
    [
        "Hi, I ordered the blue jacket last week and it has not arrived yet. Can you check order 1000234?",
        "Thanks for waiting! Your parcel left our warehouse on 12.03.2025 and should arrive within 3 days.",
        "Hallo, ich habe gestern eine Rechnung erhalten (RE-2025-0815), aber der Betrag von 49,99 EUR stimmt nicht.",
        "Vielen Dank für Ihre Geduld. Wir haben die Gutschrift veranlasst, sie erscheint in 5-7 Werktagen.",
        "Goedemiddag, mijn bestelling is beschadigd aangekomen. Kunt u een nieuwe sturen?",
        "Wij hebben een retourlabel naar u verstuurd. Het pakket wordt op 14-03-2025 opgehaald.",
        "The app crashes on version 4.2.1 when I open the settings page; I'm on Android 14.",
        "Please try clearing the cache and restart the app. Version 4.2.2 fixes this bug, released 10:30 today.",
        "Die Lieferung kam am 05.04.2025, aber es fehlen 2 Artikel aus dem Paket. Artikelnummer 55321 und 55322.",
        "Het wachtwoord moet minstens 12 tekens bevatten, dat staat ook in de handleiding op pagina 4.",
        "I forgot my password, can you send me the reset link again? The last one expired.",
        "Invoice INV-2025-00123 shows a total of $1,234.56 but the quote said $1,134.56.",
    ];

    private static readonly string[] Personal =
    [
        "Please charge my card 4111 1111 1111 1111 for the renewal, expiry 09/27.",
        "Meine IBAN lautet DE89 3704 0044 0532 0130 00, bitte überweisen Sie die Erstattung dorthin.",
        "Mijn BSN is 111222333 en mijn geboortedatum is 12-03-1985.",
        "You can reach me at ada.lovelace@example.com or +44 20 7946 0958 after 5pm.",
        "Mein Passwort ist Sommer2024! und der Login klappt trotzdem nicht.",
        "Sorry, I pasted my key sk_live_4eC39HqLyjWDarjtT1zdp7dc in the last message.",
        "Steuer-ID 86095742719, Krankenversichertennummer A123456780.",
        "Login attempts from 192.0.2.44 and 2001:db8::8a2e:370:7334 were blocked.",
    ];

    public static string Build(int approximateChars, int seed = 42)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(approximateChars + 256);
        while (builder.Length < approximateChars)
        {
            var pool = random.Next(5) == 0 ? Personal : Ordinary;
            builder.Append(random.Next(2) == 0 ? "Customer: " : "Agent: ").Append(pool[random.Next(pool.Length)]).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The same conversation with every tenth message pasted from an East Asian keyboard or a word processor:
    /// full-width digits and no-break spaces, which the redactor folds to ASCII before scanning.
    /// </summary>
    public static string BuildPasted(int approximateChars, int seed = 42)
    {
        var lines = Build(approximateChars, seed).Split('\n');
        for (var i = 0; i < lines.Length; i += 10)
        {
            lines[i] = string.Create(lines[i].Length, lines[i], static (destination, line) =>
            {
                for (var c = 0; c < line.Length; c++)
                {
                    destination[c] = line[c] switch
                    {
                        >= '0' and <= '9' => (char)(line[c] - '0' + '\uFF10'),
                        ' ' => '\u00A0',
                        _ => line[c],
                    };
                }
            });
        }

        return string.Join('\n', lines);
    }

    /// <summary>The corpus cut into chat messages, as the save path sees it.</summary>
    public static string[] Messages(int approximateChars, int seed = 42) => Build(approximateChars, seed).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
