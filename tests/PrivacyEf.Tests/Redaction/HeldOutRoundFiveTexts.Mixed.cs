namespace PrivacyEf.Tests.Redaction;

internal static partial class HeldOutRoundFiveTexts
{
    /// <summary>Two languages in one text: a forwarded thread, a translation for a colleague, an expat writing in his second language.</summary>
    private static (string Lang, string Template)[] Mixed =>
    [
        ("en", "Hi Sven, can you handle this one? Customer wrote in German:\n\n> Hallo, meine Karte {CARD_SPACED} wurde doppelt belastet, bitte erstatten.\n\nBasically a double charge. Thanks!"),
        ("de", "Weiterleitung von der niederländischen Kollegin:\n\n> Klant wil het geld terug op {IBAN_NL}.\n\nBitte Erstattung auf dieses Konto anstoßen."),
        ("nl", "Vertaling voor de collega's in Duitsland:\n\"My password is {PASSWORD} and it still says invalid\" = mijn wachtwoord werkt niet."),
        ("en", "Sorry for my English. My Passwort is {PASSWORD} and I can not login since Monday. Danke!"),
        ("de", "Hi, sorry, I don't speak German. Mein Konto: {IBAN_DE_BARE}. Please refund the 39,99 €. Thank you!"),
        ("nl", "Hello, I'm new in Amsterdam and don't speak Dutch yet. My BSN is {BSN}, my phone {PHONE_NL_MOBILE}. Can you register me for the basisverzekering?"),
        ("en", "Ticket translated from Dutch (original below)\nEN: Customer says her password {PASSWORD} no longer works.\nNL: Mijn wachtwoord werkt niet meer."),
        ("de", "FYI vom englischen Team: customer DOB {DOB}, SSN {SSN_DASHED}. Bitte nicht ins CRM übernehmen, nur Statusprüfung."),
        ("en", "Note from the Dutch hotline: klant gaf pincode {PASSWORD} telefonisch door, we did not store it anywhere else."),
        ("de", "Kollege aus Utrecht schreibt: \"BSN van de klant is {BSN_DOTTED}\" – brauchen wir den überhaupt?"),
        ("en", "Hallo / Hello,\n\nmy German health card says {KVNR}, my Steuer-ID is {TAX_ID_SPACED}. Which one goes in the form?\n\nViele Grüße / best regards\nOlivia"),
        ("nl", "Klant schrijft in het Engels: \"please call me on {PHONE_US2}, I live in Chicago\". Graag terugbellen in de middag (onze tijd)."),
        ("de", "Kunde schreibt auf Englisch: login is {EMAIL}, pw {PASSWORD}. Bitte Passwort zurücksetzen und Kunden informieren."),
        ("en", "Escalation (DE → EN): Kunde nennt Kreditkarte {CARD_DASHED} im Chat, card must be removed from the transcript."),
        ("nl", "FW: Anfrage\n\n> Sehr geehrte Damen und Herren, meine neue Telefonnummer ist {PHONE_DE_MOBILE}.\n\nDuitse klant, nieuw telefoonnummer doorgeven aan het CRM."),
        ("de", "Hoi, ik spreek geen Duits. Mijn Duitse belasting-ID is {TAX_ID_BARE}. Dank je!"),
        ("en", "The Dutch customer's form (as received):\nnaam: Ruud Peters\ngeboortedatum: {DOB}\nIBAN: {IBAN_NL_BARE}\nwachtwoord: {PASSWORD}"),
        ("de", "Hallo,\nI'm writing in English, hope that's OK. My Krankenversichertennummer is {KVNR_BARE} and I was born {DOB}.\nBest, Tomás"),
        ("nl", "Goedemorgen, see below the token we use: {API_KEY}. Kunnen jullie kijken waarom hij 401 geeft?"),
        ("en", "Kundin / customer: Frau Aydin\nTel: {PHONE_DE_LAND}\nE-Mail: {EMAIL}\nAnliegen / issue: wrong IBAN on the invoice, correct one is {IBAN_DE}"),
    ];
}
