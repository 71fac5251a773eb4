namespace PrivacyEf.Tests.Redaction;

/// <summary>Round nine, Dutch: vragen aan banken, verzekeraars, zorgverleners, energieleveranciers en webwinkels.</summary>
internal static partial class HeldOutRoundNineTexts
{
    private static string[] Dutch() =>
    [
        "Beste klantenservice,\nWilt u het termijnbedrag voortaan afschrijven van {IBAN_NL}? Het oude rekeningnummer is opgeheven.\nMet vriendelijke groet,\nEls Verbeek",
        "Hoi, kunnen jullie het geld van retour 55102 terugstorten op {IBAN_NL_BARE}? Alvast bedankt!",
        "Mijn BSN is {BSN}, dat hebben jullie nodig voor de zorgtoeslag toch?",
        "Burgerservicenummer: {BSN_DOTTED}\nGeboortedatum: {DOB}\nNaam: Ruud Hendriks",
        "Ik heb per ongeluk mijn BSN {BSN_BARE} in het contactformulier gezet, kunt u dat verwijderen?",
        "Kunt u mij terugbellen op {PHONE_NL_MOBILE}? Het gaat over de verhuizing van mijn energiecontract.",
        "Overdag ben ik bereikbaar op {PHONE_NL_LAND}, 's avonds op mijn mobiel {PHONE_NL}.",
        "Mijn wachtwoord voor Mijn Omgeving is {PASSWORD} maar ik krijg steeds 'onjuiste gegevens'.",
        "De wifi-code van het vakantiehuis is {PASSWORD}, netwerk heet Duinzicht-Gast.",
        "Nieuw wachtwoord: {PASSWORD}\nGraag wijzigen na de eerste keer inloggen.",
        "Ik ben mijn pincode kwijt. Volgens mij was het {PASSWORD}, maar de automaat slikte mijn pas in.",
        "Inloggegevens voor de stagiair: gebruikersnaam stage01, wachtwoord {PASSWORD}.",
        "De sleutelkluis bij de voordeur heeft code {PASSWORD}. Sleutel graag terugleggen na de bezichtiging.",
        "Polisnummer 2210-8841, verzekerde geboren op {DOB}, schade aan auto na aanrijding op de A12.",
        "Mijn zoon is op {DOB} geboren, kan hij worden bijgeschreven op mijn zorgverzekering? Zijn BSN is {BSN_DOTTED}.",
        "Mijn creditcard {CARD_SPACED} is twee keer belast voor dezelfde bestelling. Graag één keer terugboeken.",
        "Betaling hotel: creditcard {CARD_DASHED}, geldig tot 06/28. Naam: P. de Graaf.",
        "American Express {AMEX} wordt geweigerd in de app. Ligt dat aan jullie?",
        "Van: klantenservice\nOnderwerp: FW: incasso\n\n-------- Doorgestuurd bericht --------\nIk wil de incasso van {IBAN_NL} laten storneren, ik heb nooit toestemming gegeven.",
        "Telefoonnotitie 11:20: mevrouw Bos belt, meterstand doorgegeven, nieuw nummer {PHONE_NL_MOBILE}, mail {EMAIL}.",
        "Naam;Geboortedatum;BSN;IBAN\nJansen, Kees;{DOB};{BSN_BARE};{IBAN_NL_BARE}\nVos, Anouk;{DOB};{BSN_BARE};{IBAN_NL_BARE}",
        "Ik heb mijn wachtwoord veranderd in {PASSWORD} en nu accepteert de app het niet meer.",
        "Uw tijdelijke inlogcode is {PASSWORD}. Deze code is 15 minuten geldig.",
        "Hoi, de pincode van mijn simkaart is {PASSWORD} en de PUK weet ik niet. Telefoonnummer {PHONE_NL_MOBILE}.",
        "Loonstrook klopt niet: BSN {BSN} staat erop maar mijn naam is verkeerd gespeld.",
        "Sollicitatieformulier\nGeboortedatum: {DOB}\nBSN: {BSN_DOTTED}\nIBAN: {IBAN_NL}\nTelefoon: {PHONE_NL}",
        "Patiënt belt, geboren {DOB}, BSN {BSN}. Herhaalrecept voor bloeddrukmedicatie.",
        "Ik woon sinds kort in Nederland. Mijn Duitse Steuer-ID is {TAX_ID}, de Nederlandse werkgever vraagt erom.",
        "Grensarbeider: Duitse ziektekostenverzekering, Versichertennummer {KVNR}. Kan de huisarts hier dat declareren?",
        "Klant meldt dat de router IP-adres {IP} heeft en dat de VPN niet verbindt.",
        "Er is vannacht ingelogd vanaf {IP}, dat was ik niet. Graag mijn account blokkeren.",
        "API-sleutel voor de koppeling met de boekhouding: {API_KEY}. Niet delen buiten het team a.u.b.",
        "Gegevens voor het openen van de rekening: Fleur Dekker, geboren {DOB}, telefoon {PHONE_NL_LAND}, BSN {BSN_BARE}.",
        "Terugbetaling annulering graag naar {IBAN_BE}, dat is mijn Belgische rekening.",
        "De deur van de fietsenkelder heeft een nieuwe code: {PASSWORD}. Wilt u dit doorgeven aan alle bewoners?",
        "mn wachtwoord was {PASSWORD} en nu zegt ie account geblokkeerd",
        "Voor het leerlingdossier: geboortedatum {DOB}, ouder bereikbaar op {PHONE_NL_MOBILE} en {EMAIL2}.",
        "Beste meneer Smit, uw voorlopige wachtwoord voor het sollicitatieportaal is: {PASSWORD}\nMet vriendelijke groet, HR",
        "Creditcardnummer: {CARD_BARE}\nVervaldatum: 02/27\nAlleen gebruiken voor de aanbetaling.",
        "Mijn Amerikaanse collega heeft zijn SSN gemaild ({SSN_DASHED}), moet dat in het personeelsdossier?",
    ];
}
