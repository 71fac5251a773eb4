#!/usr/bin/env python3
"""Generates redaction-corpus.jsonl: labelled support-chat texts in English, German and Dutch.

Every identifier is synthetic: check digits are computed here, phone numbers use fictional ranges
(US 555-01xx) and IP addresses the documentation ranges. Hard negatives are numbers that fail their
check (Luhn, IBAN mod-97, elfproef, tax-ID rules, SSA rules), version and invoice numbers, delivery
dates, amounts and password talk without a password. Run: python3 generate_corpus.py > redaction-corpus.jsonl
"""
import json
import random
import string

rng = random.Random(20261125)


def digits(n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def luhn_check_digit(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


CARD_PREFIXES = [("4", 16), ("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3530", 16), ("36", 14), ("4", 13), ("62", 19)]


def card(valid=True):
    prefix, length = rng.choice(CARD_PREFIXES)
    body = prefix + digits(length - len(prefix) - 1)
    check = luhn_check_digit(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    number = body + check
    style = rng.choice(["plain", "space", "dash", "space"])
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    if length == 15:
        parts = [number[:4], number[4:10], number[10:]]
    elif length == 14:
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i:i + 4] for i in range(0, length, 4)]
    return sep.join(parts)


def iban_check(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return "%02d" % (98 - int(numeric) % 97)


def letters(n):
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


IBAN_FORMATS = {
    "DE": lambda: digits(18),
    "NL": lambda: letters(4) + digits(10),
    "GB": lambda: letters(4) + digits(14),
    "FR": lambda: digits(10) + letters(1) + digits(10) + digits(2),
    "BE": lambda: digits(12),
    "AT": lambda: digits(16),
    "ES": lambda: digits(20),
}


def iban(valid=True, country=None):
    country = country or rng.choice(list(IBAN_FORMATS))
    bban = IBAN_FORMATS[country]()
    check = iban_check(country, bban)
    if not valid:
        check = "%02d" % ((int(check) + rng.randint(1, 50)) % 97 or 3)
        if check == iban_check(country, bban):
            check = "%02d" % ((int(check) + 1) % 97)
    value = country + check + bban
    if rng.random() < 0.5:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def iso7064(ten):
    product = 10
    for c in ten:
        s = (int(c) + product) % 10
        if s == 0:
            s = 10
        product = s * 2 % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


def tax_id_body():
    while True:
        chosen = rng.sample(string.digits, 9)
        repeated = chosen[0]
        body = chosen + [repeated]
        rng.shuffle(body)
        if body[0] != "0":
            return "".join(body)


def tax_id(valid=True):
    body = tax_id_body()
    check = iso7064(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    value = body + check
    return rng.choice([value, value[:2] + " " + value[2:5] + " " + value[5:8] + " " + value[8:]])


def kvnr(valid=True):
    letter = rng.choice(string.ascii_uppercase)
    body = digits(8)
    pos = ord(letter) - 64
    values = [pos // 10, pos % 10] + [int(c) for c in body]
    total = 0
    for i, v in enumerate(values):
        p = v * (1 if i % 2 == 0 else 2)
        total += p - 9 if p > 9 else p
    check = total % 10
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return letter + body + str(check)


def bsn(valid=True):
    while True:
        body = str(rng.randint(1, 9)) + digits(7)
        total = sum((9 - i) * int(c) for i, c in enumerate(body))
        check = total % 11
        if check < 10:
            break
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
        if (total - check) % 11 == 0:
            check = (check + 1) % 10
    value = body + str(check)
    return rng.choice([value, value, value[:4] + "." + value[4:6] + "." + value[6:]])


def ssn(valid=True):
    if valid:
        area = rng.randint(1, 899)
        while area == 666:
            area = rng.randint(1, 899)
        return "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
    return rng.choice(["000-%02d-%04d" % (rng.randint(1, 99), rng.randint(1, 9999)),
                       "666-%02d-%04d" % (rng.randint(1, 99), rng.randint(1, 9999)),
                       "9%02d-%02d-%04d" % (rng.randint(0, 99), rng.randint(1, 99), rng.randint(1, 9999)),
                       "%03d-00-%04d" % (rng.randint(1, 665), rng.randint(1, 9999)),
                       "%03d-%02d-0000" % (rng.randint(1, 665), rng.randint(1, 99))])


def phone(lang):
    kind = rng.choice({"de": ["e164de", "de_mobile", "de_land", "de_slash", "de_paren"],
                       "nl": ["e164nl", "nl_mobile", "nl_land", "nl_land2"],
                       "en": ["e164us", "us_paren", "us_dash", "us_dot", "e164gb"]}[lang])
    return {
        "e164de": lambda: "+49 " + rng.choice(["30", "89", "40", "171", "160"]) + " " + digits(7),
        "de_mobile": lambda: "0" + rng.choice(["151", "160", "171", "176"]) + " " + digits(7),
        "de_land": lambda: "0" + rng.choice(["30", "40", "89", "221"]) + " " + digits(rng.randint(7, 8)),
        "de_slash": lambda: "0" + rng.choice(["89", "69", "711"]) + "/" + digits(7),
        "de_paren": lambda: "(0" + rng.choice(["30", "40"]) + ") " + digits(7),
        "e164nl": lambda: "+31 " + rng.choice(["6 ", "20 ", "10 "]) + digits(8 if rng.random() < 0.5 else 7),
        "nl_mobile": lambda: "06-" + digits(8),
        "nl_land": lambda: "020 " + digits(3) + " " + digits(4),
        "nl_land2": lambda: "010-" + digits(7),
        "e164us": lambda: "+1 " + str(rng.randint(201, 989)) + " 555 01" + digits(2),
        "us_paren": lambda: "(" + str(rng.randint(201, 989)) + ") 555-01" + digits(2),
        "us_dash": lambda: str(rng.randint(201, 989)) + "-555-01" + digits(2),
        "us_dot": lambda: str(rng.randint(201, 989)) + ".555.01" + digits(2),
        "e164gb": lambda: "+44 20 7946 0" + digits(3),
    }[kind]()


FIRST = ["anna", "jan", "lisa", "max", "sophie", "lucas", "emma", "noah", "mila", "finn", "sara", "tom", "julia", "daan", "eva"]
LAST = ["schmidt", "de.vries", "jansen", "mueller", "smith", "bakker", "weber", "visser", "meyer", "brown"]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "firma.example", "bedrijf.example"]


def email():
    return rng.choice(FIRST) + rng.choice([".", "_", ""]) + rng.choice(LAST) + rng.choice(["", str(rng.randint(1, 99))]) + "@" + rng.choice(DOMAINS)


def ipv4():
    return rng.choice(["192.0.2.", "198.51.100.", "203.0.113.", "10.20.30."]) + str(rng.randint(1, 254))


def ipv6():
    return "2001:db8:" + ":".join("%x" % rng.randint(1, 0xffff) for _ in range(rng.choice([2, 6]))) if rng.random() < 0.5 else "2001:db8::" + "%x" % rng.randint(1, 0xffff)


def ipv6_checked():
    while True:
        value = ipv6()
        groups = value.split(":")
        if "::" in value or len(groups) == 8:
            return value


def alnum(n, alphabet=string.ascii_letters + string.digits):
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in value):
            return value


def api_key():
    return rng.choice([
        lambda: "sk_live_" + alnum(24),
        lambda: "ghp_" + alnum(36),
        lambda: "AKIA" + alnum(16, string.ascii_uppercase + string.digits),
        lambda: "xoxb-" + digits(11) + "-" + digits(12) + "-" + alnum(24),
        lambda: "AIza" + alnum(35, string.ascii_letters + string.digits + "_-"),
        lambda: "glpat-" + alnum(20),
        lambda: "github_pat_" + alnum(22) + "_" + alnum(59),
    ])()


def password():
    words = ["Sommer", "Winter", "Tulpe", "Fiets", "Harbor", "Maple", "Zonne", "Blume", "Orange", "Delta"]
    return rng.choice([
        lambda: rng.choice(words) + str(rng.randint(1990, 2030)) + rng.choice(["!", "?", "#", ""]),
        lambda: alnum(rng.randint(8, 14), string.ascii_letters + string.digits + "!#$%&*"),
        lambda: rng.choice(words).lower() + "_" + str(rng.randint(10, 99)),
        lambda: "Tr0ub4dor&" + str(rng.randint(1, 9)),
    ])()


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}


def date(lang):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2005)
    if lang == "en":
        return rng.choice(["%02d/%02d/%d" % (m, d, y), "%d %s %d" % (d, MONTHS["en"][m - 1], y), "%s %d, %d" % (MONTHS["en"][m - 1], d, y), "%d-%02d-%02d" % (y, m, d)])
    if lang == "de":
        return rng.choice(["%02d.%02d.%d" % (d, m, y), "%d. %s %d" % (d, MONTHS["de"][m - 1], y), "%d-%02d-%02d" % (y, m, d)])
    return rng.choice(["%02d-%02d-%d" % (d, m, y), "%d %s %d" % (d, MONTHS["nl"][m - 1], y), "%02d/%02d/%d" % (d, m, y)])


def delivery_date(lang):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2023, 2026)
    return {"en": "%02d/%02d/%d" % (m, d, y), "de": "%02d.%02d.%d" % (d, m, y), "nl": "%02d-%02d-%d" % (d, m, y)}[lang]


# Templates: {TYPE} placeholders are labelled entities; {~kind} placeholders are unlabelled fillers.
POSITIVE = {
    "en": [
        "Hi, please charge my card {CREDIT_CARD} for the renewal.",
        "Card number: {CREDIT_CARD}, expiry 09/27.",
        "You can refund to {IBAN} instead of the card.",
        "My IBAN is {IBAN} and the account holder is my wife.",
        "Send the invoice to {EMAIL} please.",
        "Reach me at {EMAIL} or call {PHONE}.",
        "Call me back on {PHONE} after 5pm.",
        "My SSN is {US_SSN} if you need it for the tax form.",
        "The login failed from {IP_ADDRESS} twice today.",
        "Our server at {IP_ADDRESS} cannot reach your API.",
        "I accidentally pasted my key {API_KEY} in the last message, sorry!",
        "Here is the token: {API_KEY}",
        "My password is {PASSWORD} and it still does not work.",
        "password: {PASSWORD}",
        "Username jdoe, pwd={PASSWORD}",
        "Date of birth: {DATE_OF_BIRTH}",
        "I was born on {DATE_OF_BIRTH} in Leeds.",
        "DOB {DATE_OF_BIRTH}, account holder Jane.",
        "Please update my card to {CREDIT_CARD} and my email to {EMAIL}.",
        "For the wire use {IBAN}; questions to {PHONE}.",
        "Tax ID for my German payroll: {DE_TAX_ID}",
        "My Dutch BSN is {NL_BSN}, is that needed?",
        "Insurance number (Germany): {DE_KVNR}",
        "The new password for the portal is {PASSWORD} - please change it.",
        "Connection from {IP_ADDRESS} at 14:32, user reports {EMAIL}.",
        "SSN: {US_SSN}",
        "Card: {CREDIT_CARD}\nExp: 12/26\nCVC: 123",
        "email me at {EMAIL}! thx",
        "My number changed to {PHONE}, the old one is gone.",
        "IBAN {IBAN} (checking account), BIC COBADEFFXXX.",
        "Hi team,\n\nlogin is jdoe, password = {PASSWORD}\n\nCheers",
        "Can you update my date of birth to {DATE_OF_BIRTH}? It is wrong in my profile.",
        "Contact: {EMAIL}; backup contact {EMAIL}.",
        "Social security number {US_SSN} is on file for the payroll.",
        "Please verify SSN {US_SSN} for the W-9 before Friday.",
    ],
    "de": [
        "Hallo, bitte buchen Sie von meiner Karte {CREDIT_CARD} ab.",
        "Kartennummer {CREDIT_CARD}, gültig bis 09/27.",
        "Meine IBAN lautet {IBAN}.",
        "Bitte überweisen Sie die Erstattung auf {IBAN}, danke.",
        "Schreiben Sie mir an {EMAIL}.",
        "Sie erreichen mich unter {PHONE} oder per Mail an {EMAIL}.",
        "Rückruf bitte unter {PHONE}.",
        "Meine Steuer-ID ist {DE_TAX_ID}.",
        "Steueridentifikationsnummer: {DE_TAX_ID}",
        "Krankenversichertennummer {DE_KVNR}, Versicherung AOK.",
        "Meine KVNR: {DE_KVNR}",
        "Mein Passwort ist {PASSWORD}, aber der Login klappt nicht.",
        "Passwort: {PASSWORD}",
        "Das Kennwort lautet {PASSWORD}.",
        "Geburtsdatum: {DATE_OF_BIRTH}",
        "Ich bin geboren am {DATE_OF_BIRTH} in Köln.",
        "geb. {DATE_OF_BIRTH}, Kundennummer folgt.",
        "Zugriff von {IP_ADDRESS} wurde blockiert.",
        "Der API-Schlüssel {API_KEY} war versehentlich im Ticket.",
        "Neue Karte {CREDIT_CARD}, alte IBAN {IBAN} bitte löschen.",
        "Das Passwort für das Portal lautet {PASSWORD}, bitte ändern.",
        "Telefon {PHONE}, E-Mail {EMAIL}.",
        "Steuer-IdNr. {DE_TAX_ID} bitte im Profil speichern.",
        "Hallo,\nmeine neue Handynummer ist {PHONE}.\nGruß",
        "Kreditkarte: {CREDIT_CARD} (Ablauf 03/28)",
        "Mein neues Passwort lautet \"{PASSWORD}\"",
        "Ich bin am {DATE_OF_BIRTH} geboren und Kunde seit 2010.",
        "Versichertennummer {DE_KVNR} (TK), Geburtsdatum {DATE_OF_BIRTH}.",
    ],
    "nl": [
        "Hallo, wilt u mijn kaart {CREDIT_CARD} gebruiken?",
        "Mijn IBAN is {IBAN}.",
        "Graag terugstorten op {IBAN}.",
        "Mail mij op {EMAIL}.",
        "U kunt mij bellen op {PHONE}.",
        "Bel {PHONE} of mail {EMAIL}.",
        "Mijn BSN is {NL_BSN}.",
        "BSN: {NL_BSN}, geboortedatum {DATE_OF_BIRTH}.",
        "Burgerservicenummer {NL_BSN} staat op mijn paspoort.",
        "Het wachtwoord is {PASSWORD}, maar inloggen lukt niet.",
        "wachtwoord: {PASSWORD}",
        "Geboortedatum: {DATE_OF_BIRTH}",
        "Ik ben geboren op {DATE_OF_BIRTH} in Utrecht.",
        "Verbinding vanaf {IP_ADDRESS} geweigerd.",
        "Sorry, ik plakte per ongeluk {API_KEY} in de chat.",
        "Nieuwe kaart {CREDIT_CARD} en IBAN {IBAN}.",
        "Mijn wachtwoord voor het portaal is {PASSWORD}.",
        "Telefoon {PHONE}, e-mail {EMAIL}.",
        "Mijn creditcard {CREDIT_CARD} is verlopen, graag een nieuwe koppelen.",
        "Nieuw e-mailadres: {EMAIL}",
        "IBAN: {IBAN} t.n.v. J. Jansen",
    ],
}

NEGATIVE = {
    "en": [
        "Order {~badcard} was declined, can you check?",
        "The reference {~badiban} did not match any account.",
        "Please quote invoice INV-2024-{~d5} in your reply.",
        "Invoice #{~d8} is attached.",
        "We updated the app to version {~version}.",
        "Running build 10.0.{~d5}.{~d4} on Windows.",
        "Your parcel was delivered on {~delivery}.",
        "The total is $12,{~d3}.50 including tax.",
        "The password is incorrect, please try again.",
        "I clicked the password reset link but nothing happened.",
        "My password was wrong three times, now I'm locked.",
        "Ticket {~d6} was closed yesterday at 14:30.",
        "Tracking number 1Z{~d4}A{~d10}.",
        "Meeting moved to 10:00-11:00 on {~delivery}.",
        "The SSN field showed {~badssn} which is not valid.",
        "Customer number {~badbsn} has two open orders.",
        "Reference {~badtax} from the old system.",
        "Our office is at 221B Baker Street, London.",
        "I was born in 1985 and have been a customer for years.",
        "We need 24 units of SKU-{~d6} by March.",
        "Error code 0x{~hex8} appeared at 09:12:44.",
        "Read section 4.2.1 of the manual, page 37.",
        "The book has ISBN 978-3-16-148410-0 and costs 1 234,50 EUR.",
        "Scanned item EAN {~ean} twice by mistake.",
        "Coordinates 52.3676, 4.9041 for the pickup point.",
        "Your case was escalated on 2024-03-12 10:00 to tier 2.",
        "Serial number SN-{~d10}, firmware 2.10.4.1.",
    ],
    "de": [
        "Die Bestellung {~badcard} wurde abgelehnt.",
        "Die Referenz {~badiban} ist keinem Konto zugeordnet.",
        "Rechnung Nr. RE-2024-{~d4} liegt bei.",
        "Rechnungsnummer {~d7}, Betrag 1.234,56 EUR.",
        "Wir haben auf Version {~version} aktualisiert.",
        "Die Lieferung kam am {~delivery}.",
        "Das Passwort ist falsch, bitte erneut versuchen.",
        "Passwort vergessen? Dann bitte den Link nutzen.",
        "Ihr Paket wird am {~delivery} zugestellt, Sendungsnummer {~d20}.",
        "Vorgang {~d6} ist abgeschlossen.",
        "Die Nummer {~badtax} aus dem Altsystem ist ungültig.",
        "Versicherungsnummer {~badkvnr} wurde abgelehnt.",
        "Termin am {~delivery} um 14:30 Uhr.",
        "Artikel 12345, Menge 3, Preis 19,99 EUR.",
        "Unsere Adresse: Hauptstraße 12, 10115 Berlin.",
        "Das Kennwort muss mindestens 12 Zeichen haben.",
        "Artikel EAN {~ean}, 3 Stück à 19,99 EUR.",
        "Ihr Vorgang vom 2025-01-07 hat die Nummer {~d8}.",
        "Bitte Kundennummer {~d7} und Datum 07.01.2025 angeben.",
    ],
    "nl": [
        "Bestelling {~badcard} is geweigerd.",
        "Referentie {~badiban} hoort bij geen rekening.",
        "Factuurnummer F2024-{~d4} is verstuurd.",
        "Klantnummer {~badbsn} heeft een openstaande factuur.",
        "We draaien nu versie {~version}.",
        "Het pakket is bezorgd op {~delivery}.",
        "Het wachtwoord is verlopen, graag resetten.",
        "Wachtwoord vergeten? Gebruik de link in de mail.",
        "Afspraak op {~delivery} om 10:30.",
        "Totaal € 1.234,56 inclusief btw.",
        "Ons adres is Damrak 1, 1012 LG Amsterdam.",
        "Ordernummer {~d9x} is onderweg.",
        "Het wachtwoord moet minstens 12 tekens bevatten.",
        "Artikelnummer EAN {~ean} is uitverkocht.",
        "Uw verjaardag valt dit jaar op een zondag, gefeliciteerd!",
    ],
}


def bad_bsn():
    while True:
        value = str(rng.randint(1, 9)) + digits(8)
        total = sum((9 - i) * int(c) for i, c in enumerate(value[:8])) - int(value[8])
        if total % 11 != 0:
            return value


def bad_tax():
    while True:
        value = str(rng.randint(1, 9)) + digits(10)
        body = value[:10]
        counts = [body.count(d) for d in set(body)]
        ok_rule = sorted(counts, reverse=True)[0] in (2, 3) and sum(1 for c in counts if c > 1) == 1
        if not (ok_rule and iso7064(body) == value[10]):
            return value


def ean13():
    body = rng.choice(["40", "41", "42", "43", "87"]) + digits(10)
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def nine_digits_failing_elfproef():
    return bad_bsn()


FILLERS = {
    "badcard": lambda lang: card(valid=False),
    "badiban": lambda lang: iban(valid=False),
    "badssn": lambda lang: ssn(valid=False),
    "badbsn": lambda lang: bad_bsn(),
    "badtax": lambda lang: bad_tax(),
    "badkvnr": lambda lang: kvnr(valid=False),
    "version": lambda lang: rng.choice(["2.4.1", "10.0.19045", "1.2.3.4", "4.0.0.1", "3.11.2"]),
    "delivery": delivery_date,
    "d3": lambda lang: digits(3), "d4": lambda lang: digits(4), "d5": lambda lang: digits(5), "d6": lambda lang: digits(6),
    "d7": lambda lang: digits(7), "d8": lambda lang: digits(8), "d10": lambda lang: digits(10), "d20": lambda lang: "00" + digits(18),
    "d9x": lambda lang: nine_digits_failing_elfproef(),
    "ean": lambda lang: ean13(),
    "hex8": lambda lang: "".join(rng.choice("0123456789ABCDEF") for _ in range(8)),
}

GENERATORS = {
    "CREDIT_CARD": lambda lang: card(),
    "IBAN": lambda lang: iban(country={"de": "DE", "nl": "NL"}.get(lang) if rng.random() < 0.6 else None),
    "EMAIL": lambda lang: email(),
    "PHONE": phone,
    "US_SSN": lambda lang: ssn(),
    "DE_TAX_ID": lambda lang: tax_id(),
    "DE_KVNR": lambda lang: kvnr(),
    "NL_BSN": lambda lang: bsn(),
    "IP_ADDRESS": lambda lang: ipv4() if rng.random() < 0.6 else ipv6_checked(),
    "API_KEY": lambda lang: api_key(),
    "PASSWORD": lambda lang: password(),
    "DATE_OF_BIRTH": date,
}


def render(template, lang):
    text = ""
    entities = []
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        name, _, rest = after.partition("}")
        text += before
        if name.startswith("~"):
            text += FILLERS[name[1:]](lang)
        else:
            value = GENERATORS[name](lang)
            entities.append({"type": name, "start": len(text), "length": len(value)})
            text += value
    text += rest
    return {"lang": lang, "text": text, "entities": entities}


def main():
    records = []
    for lang in ("en", "de", "nl"):
        for _ in range(6):
            for template in POSITIVE[lang]:
                records.append(render(template, lang))
        for _ in range(4):
            for template in NEGATIVE[lang]:
                records.append(render(template, lang))
    rng.shuffle(records)
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
