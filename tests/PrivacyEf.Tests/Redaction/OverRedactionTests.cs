namespace PrivacyEf.Tests.Redaction;

/// <summary>What is not personal data, or no longer is, stays as it is (issue 17).</summary>
public sealed class OverRedactionTests
{
    public static TheoryData<string> Untouched => new()
    {
        // Asset names: a density suffix, or a "domain" that is a file extension.
        "see logo@2x.png and banner@3x.jpg",
        "icons/arrow@1.5x.webp, hero@2x.jpeg, sprite@3x.svg",
        "img src=\"avatar@2x.gif\"",
        "Upload failed for scan@page2.pdf",

        // Values already masked.
        "Password: ********",
        "Passwort: [entfernt]",
        "wachtwoord: [verwijderd]",
        "password: [removed]",
        "Password = <redacted>",
        "Passwort: •••••••• (nicht sichtbar)",
        "het wachtwoord is ●●●●●●",
        "pwd=xxxxxxxx",
        "Kennwort: (entfernt)",

        // Words where a password would be.
        "Password: see above",
        "Passwort: siehe unten",
        "wachtwoord: zie hierboven",
        "Password: (sent separately)",
        "Passwort: unverändert",
        "Das Passwort ist leider abgelaufen.",
        "your password is already reset",
        "het wachtwoord is helaas verlopen",
        "Password: ask IT",
        "Passwort: wie besprochen",
        "wachtwoord: staat in de mail",
        "Passwort: steht im Brief",
        "password: as before",
    };

    [Theory]
    [MemberData(nameof(Untouched))]
    public void Leaves_the_text_alone(string text)
    {
        var result = PiiRedactor.Default.Redact(text);

        Assert.Empty(result.Findings);
        Assert.Same(text, result.Text);
    }

    [Theory]
    [InlineData("mail me at logo.designer@studio2x.de", "EMAIL", "logo.designer@studio2x.de")]
    [InlineData("write to jan@x.nl", "EMAIL", "jan@x.nl")]
    [InlineData("Password: S3cr3t*pass", "PASSWORD", "S3cr3t*pass")]
    [InlineData("Passwort: [Sommer2024]", "PASSWORD", "[Sommer2024]")]
    public void Still_finds_real_values_that_resemble_those(string text, string label, string value)
    {
        var finding = Assert.Single(PiiRedactor.Default.Redact(text).Findings);

        Assert.Equal(label, finding.Label);
        Assert.Equal(value, text.Substring(finding.Start, finding.Length));
    }
}
