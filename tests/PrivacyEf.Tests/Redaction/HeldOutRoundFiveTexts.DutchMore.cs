namespace PrivacyEf.Tests.Redaction;

internal static partial class HeldOutRoundFiveTexts
{
    private static (string Lang, string Template)[] DutchMore =>
    [
        ("nl", "2024-05-14 12:30:55 INFO  login ok gebruiker={EMAIL} ip={IP}"),
        ("nl", "Beste,\n\nVoor de declaratie van de fysiotherapie:\nBSN: {BSN_DOTTED}\nGeboortedatum: {DOB}\nRekeningnummer: {IBAN_NL}\n\nMvg,\nFatima el Amrani"),
        ("nl", "Klant belt namens haar vader. Burgerservicenr. vader: {BSN}. Geen machtiging aanwezig, niets gewijzigd."),
        ("nl", "BSN:{BSN_BARE}"),
        ("nl", "Graag mijn BSN {BSN_DOTTED} verwijderen uit jullie systeem, jullie hebben dat niet nodig voor een webshop!"),
        ("nl", "Onderwerp: Wijziging rekeningnummer\n\nNieuw: {IBAN_NL_BARE}\nOud: opgeheven\n\nGroet, Bram"),
        ("nl", "IBAN {IBAN_DE} – ik woon over de grens in Kleve, dus het is een Duitse rekening."),
        ("nl", "Terugbetaling naar rekening {IBAN} graag, niet naar de creditcard."),
        ("nl", "Hoi! Ik kreeg een sms dat mijn pas geblokkeerd is. Kaartnummer {CARD_SPACED}. Is dat echt van jullie?"),
        ("nl", "Hierbij mijn creditcardgegevens voor de reservering: {CARD_DASHED}, exp. 10/26, naam J. Mulder."),
        ("nl", "Mijn pincode is {PASSWORD}, kan ik die veranderen via de app?"),
        ("nl", "Mijn gebruikersnaam is sanne84 en ww {PASSWORD}. Wat gaat er fout?"),
        ("nl", "Gebruiker: kassa1\nWachtwoord: {PASSWORD}\nFiliaal: Utrecht Centrum"),
        ("nl", "Ik heb als wachtwoord {PASSWORD} ingesteld, klopt dat met wat jullie zien?"),
        ("nl", "beveiligingscode {PASSWORD}"),
        ("nl", "Nieuw wachtwoord voor de kassa-app is {PASSWORD}, oude is niet meer geldig."),
        ("nl", "Het wachtwoord van de gedeelde mailbox staat in het ticket: {PASSWORD}. Kan iemand dat weghalen?"),
        ("nl", "Mobiel: {PHONE_NL_MOBILE}\nVast: {PHONE_NL_LAND}\nE-mail: {EMAIL}"),
        ("nl", "{PHONE_NL} is mijn nieuwe nummer."),
        ("nl", "Ik ben tijdelijk in Engeland, bereikbaar op {PHONE_INTL}."),
        ("nl", "Groeten,\nMarieke Dekker\nMarketing | Example BV\nT {PHONE_NL_LAND}\nM {PHONE_NL_MOBILE}"),
        ("nl", "Kunnen jullie de factuur naar {EMAIL2} sturen? Dat is het adres van onze boekhouder."),
        ("nl", "Klantgegevens\nnaam;e-mail;telefoon;geboortedatum\nK. Bos;{EMAIL};{PHONE_NL};{DOB}"),
        ("nl", "Geboortedatum: {DOB} (staat ook op mijn paspoort)"),
        ("nl", "Mijn dochter is geboren op {DOB}, ze moet dus nog gratis meeverzekerd zijn."),
        ("nl", "Graag de API key {API_KEY} vervangen, een oud-medewerker had er toegang toe."),
        ("nl", "toegestane ip's: {IP} en {IP}"),
        ("nl", "Mijn Duitse zorgverzekeringsnummer is {KVNR}, ik werk in Aken maar woon in Vaals."),
        ("nl", "Steuer-ID voor het Duitse loonstrookje: {TAX_ID}. Mijn BSN is {BSN}."),
        ("nl", "Ik werk in Duitsland. Op mijn Duitse zorgpas staat {KVNR_BARE}, moet ik dat hier ook opgeven?"),
        ("nl", "Duits belastingnummer (Steuer-IdNr.): {TAX_ID_SPACED}"),
        ("nl", "SSN: {SSN_SPACED} – ik heb tot vorig jaar in Texas gewoond."),
        ("nl", "Voor de W-8BEN heb ik mijn oude Amerikaanse social security number nodig: {SSN}. Klopt dat?"),
        ("nl", "Mijn Belgische rekening {IBAN_BE} mag gebruikt worden voor de terugbetaling, de Nederlandse is opgeheven."),
        ("nl", "Sinds 09:00 krijgen we een 403 voor {IP}. Is dat ons nieuwe kantooradres of iemand anders?"),
    ];
}
