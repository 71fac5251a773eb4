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
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Finds_the_password_with_its_exact_span(string text, string value) => RedactionAssert.FindsOnly(text, "PASSWORD", value);

    [Theory]
    [MemberData(nameof(Untouched))]
    public void Leaves_sentences_about_passwords_alone(string text) => RedactionAssert.Untouched(text);

    [Fact]
    public void Finds_two_passwords_in_one_text()
    {
        var result = PiiRedactor.Default.Redact("old password: Tulp123# new password: hunter91");

        Assert.Equal("old password: [REDACTED:PASSWORD] new password: [REDACTED:PASSWORD]", result.Text);
    }
}
