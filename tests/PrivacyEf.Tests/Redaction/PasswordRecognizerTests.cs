namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Passwords by what introduces them: labels misspelt, abbreviated or inside compounds, keys of config and
/// JSON entries, a label right before a secret, a word that refers back to a password, and URL user
/// information; and the sentences about passwords that hold none.
/// </summary>
public sealed class PasswordRecognizerTests
{
    public static TheoryData<string, string> Found => new()
    {
        // Misspelt by one letter: missing, extra, wrong or swapped.
        { "pasword: Tulp123# (I know)", "Tulp123#" },
        { "Passowrd = hunter91", "hunter91" },
        { "wachtwood: Xy3#CQh5", "Xy3#CQh5" },
        { "Kenwort ist Sommer2024!", "Sommer2024!" },
        { "Passwrt: geheim77", "geheim77" },

        // Abbreviations that only a colon makes a label.
        { "ww: Sommer2024!", "Sommer2024!" },
        { "Passw.: Tulp680#", "Tulp680#" },
        { "pass: hunter42", "hunter42" },

        // Compounds, config keys, JSON and PHP entries.
        { "Einmalpasswort: hunter91", "hunter91" },
        { "Het inlogwachtwoord is Tulp123#", "Tulp123#" },
        { "DB_PASSWORD=Sommer2024!", "Sommer2024!" },
        { "smtp.password = 'Xy3#abcd'", "Xy3#abcd" },
        { "\"password\": \"Sommer2024!\",", "Sommer2024!" },
        { "'pwd' => 'hunter91'", "hunter91" },
        { "my PIN is 4821", "4821" },

        // A label right before a value that can only be a secret.
        { "temporary password Tulp680# - please reset after login", "Tulp680#" },
        { "Ihr vorläufiges Kennwort Xy3#CQh5 gilt 24 Stunden.", "Xy3#CQh5" },

        // A word that refers back to the password named before.
        { "Passwort vergessen – das alte war hunter91, glaube ich.", "hunter91" },
        { "wachtwoord vergeten, oude was Xy3#CQh5", "Xy3#CQh5" },
        { "I forgot my password, the old one was Tulp123#", "Tulp123#" },
        { "Password reset did not work.\nNew: Sommer2031!", "Sommer2031!" },

        // Labels with a remark, a table cell, a dash, a value a few words on.
        { "Wachtwoord (hoofdlettergevoelig!): hunter27", "hunter27" },
        { "| password | hunter42 |", "hunter42" },
        { "Pass word - Xy0#RJK5", "Xy0#RJK5" },
        { "P/W HbzNkgcZKR", "HbzNkgcZKR" },
        { "Paßwort: YeizGThfRK", "YeizGThfRK" },
        { "Passwort lautet jetzt wieder Sommer2028! (gestern zurückgesetzt).", "Sommer2028!" },
        { "het pw van de beheeromgeving is 'Xy1#8AET', kijk zelf maar", "Xy1#8AET" },
        { "Zugangscode für die Kasse: Xy1#Cq7R", "Xy1#Cq7R" },
        { "Server=sql01;User Id=shop_app;Password=Xy2#wh8e;Encrypt=True;", "Xy2#wh8e" },
        { "user=ada&password=Tr0ub4dor&6", "Tr0ub4dor&6" },

        // No label: a token that can only be a secret, or one near a login or after a word referring back.
        { "hab jetzt 5NkZVo6gzM eingegeben, geht trotzdem nicht", "5NkZVo6gzM" },
        { "it's Xy5#d3wK with a capital first letter", "Xy5#d3wK" },
        { "Zugang fürs Backend: admin / Sommer2006!", "Sommer2006!" },
        { "ok i typed hunter65 again, still wrong. Should I reset my password?", "hunter65" },
        { "I changed it this morning, old one was hunter22, still locked out", "hunter22" },
        { "hey can u reset my pin? new one should be Sommer2010! thx", "Sommer2010!" },
        { "Wi-Fi for the guest suite - network: Harbor-Guest, key: Sommer2026!", "Sommer2026!" },
        { "Das Passwort lautet übrigens hunter96 mit großem Anfangsbuchstaben.", "hunter96" },
        { "Hi, it's Rob from 2B, the alarm code is hunter21 if the engineer needs to get in.", "hunter21" },
        { "I changed it to Sommer2003! and now I'm locked out of the router admin.", "Sommer2003!" },
        { "curl -u admin:Tulp974# https://api.example.com/v1/orders returns 403", "Tulp974#" },

        // A user name next to the password is not a secret.
        { "username = reception2\npassword = hunter94", "hunter94" },
        { "Gebruiker: kassa1\nWachtwoord: Sommer2003!", "Sommer2003!" },
        { "login: migr_2024\npwd: hunter47", "hunter47" },
        { "paswoord Sommer2011! (Vlaams)", "Sommer2011!" },
        { "Der Kunde schrieb im Betreff: \"Login geht nicht Xy9#opY6\".", "Xy9#opY6" },

        // The user information of a URL.
        { "https://admin:Sommer2024!@db.example.com/orders", "Sommer2024!" },
        { "ftp://shop:hunter91@files.example.nl", "hunter91" },
    };

    public static TheoryData<string> Untouched => new()
    {
        "Kennwort vergessen? Klicken Sie auf den Link.",
        "Password reset done. Your order is AB-2024-77.",
        "I forgot my password and the new one is not working, order AB-12345",
        "the password field is empty in version 4.12.0",
        "Your password must be at least 12 characters long.",
        "Wachtwoord vergeten? Het nieuwe beleid staat op de site.",
        "Passwort: [entfernt]",
        "password: ********",
        "password: [REDACTED:PASSWORD]",
        "Kompasswerk 2024 and Pinterest board 77",
        "Passport number will be checked at the desk.",
        "De WW is per 1 maart verhoogd, zie www.example.nl",
        "Did you pass the exam in 2024?",
        "The new one is v4.12.0, the old one was v4.11.2.",
        "Passwort vergessen; neuer Link gesendet am 12.05.2024 um 14:30.",
        "https://www.example.com:8443/login@home",
        "https://example.com/reset?user=anna",
        "Is new password = old password allowed? The form won't let me save.",
        "WARN Login fehlgeschlagen (Grund: Passwort abgelaufen) Benutzer-ID 4471",
        "Login with your MacBookPro or iPhone15 works, the JavaScript client does not.",
        "Your login code was sent by SMS, please check order AB-2024-77 and ticket INV-2024-0412.",
        "Commit 3f9a2c1e fixed the login page, see build 2024.05.17.3 and report_2024-05.pdf.",
        "db:\n  user: app_readonly\n  password: (read from vault at start-up)",
        "WARN auth failed user=jdoe reason=bad_password attempts=5",
        "The password field is optional for SSO users; leave it blank.",
        "Wir fragen Sie niemals nach Ihrem Passwort oder Ihrer PIN – weder per Telefon noch per E-Mail.",
        "Log in to claim the 30%-regeling, see the login page.",
        "Guest Wi-Fi: Cafe_Guest_5G (no password, accept the terms on the splash page)",
        "WLAN-Name: FRITZ!Box 7590 AX. Das Passwort steht auf der Unterseite der Box.",
        "Passwort zurücksetzen: Klicken Sie auf den Link in der E-Mail.",
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Finds_the_password_with_its_exact_span(string text, string value) => RedactionAssert.FindsOnly(text, "PASSWORD", value);

    [Theory]
    [MemberData(nameof(Untouched))]
    public void Leaves_sentences_about_passwords_alone(string text) => RedactionAssert.Untouched(text);

    [Fact]
    public void Finds_each_password_in_a_table_of_logins()
    {
        var result = PiiRedactor.Default.Redact("email,password,role\nanna@example.com,Sommer2027!,admin\njan@example.nl,hunter30,editor");

        Assert.Equal("email,password,role\n[REDACTED:EMAIL],[REDACTED:PASSWORD],admin\n[REDACTED:EMAIL],[REDACTED:PASSWORD],editor", result.Text);
    }

    [Fact]
    public void Finds_two_passwords_in_one_text()
    {
        var result = PiiRedactor.Default.Redact("old password: Tulp123# new password: hunter91");

        Assert.Equal("old password: [REDACTED:PASSWORD] new password: [REDACTED:PASSWORD]", result.Text);
    }
}
