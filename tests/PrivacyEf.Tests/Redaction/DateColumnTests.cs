namespace PrivacyEf.Tests.Redaction;

/// <summary>Dates of birth in tables pasted as text: the header names the column, the rows hold the dates.</summary>
public sealed class DateColumnTests
{
    [Theory]
    [InlineData("Applicant,SSN,DOB\n\"Nguyen, Thao\",130-31-9227,12.07.1963\n\"Berg, Ola\",212-45-0000,1947-05-23", new[] { "12.07.1963", "1947-05-23" })]
    [InlineData("Name;Geburtsdatum;Ort\nKai Winter;22-10-1997;Köln\r\nEva Roth;03.04.1980;Bonn", new[] { "22-10-1997", "03.04.1980" })]
    [InlineData("naam\tgeboortedatum\nK. Bos\t16/10/1971", new[] { "16/10/1971" })]
    [InlineData("customer_id,full_name,date_of_birth\n1042,Grace Kim,7 May 1993\n1043,Paul Novak,08/03/1952", new[] { "7 May 1993", "08/03/1952" })]
    public void Finds_each_date_in_the_column_headed_by_a_birth_phrase(string text, string[] dates)
    {
        var result = PiiRedactor.Default.Redact(text);

        Assert.Equal(dates, result.Findings.Where(f => f.Label == "DATE_OF_BIRTH").Select(f => text.Substring(f.Start, f.Length)));
    }

    [Theory]
    [InlineData("Order,Date,DOB checked\n1000234,12.07.2024,yes")]
    [InlineData("Name;Geburtsdatum;Bestelldatum\nKai Winter;unbekannt;03.04.2024")]
    [InlineData("DOB,Name\n\nLieferung am 12.07.2024")]
    public void Leaves_dates_in_other_columns_and_after_the_table(string text)
    {
        var result = PiiRedactor.Default.Redact(text);

        Assert.DoesNotContain(result.Findings, f => f.Label == "DATE_OF_BIRTH");
    }
}
