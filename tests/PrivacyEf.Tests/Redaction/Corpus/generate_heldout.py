#!/usr/bin/env python3
"""Generates redaction-heldout.jsonl: texts written after the recognizers were tuned on redaction-corpus.jsonl,
in other styles (forms, signatures, slang, odd spacing, values at the end or in brackets), and never used to
tune them. Values come from the same check-digit generators. Run: python3 generate_heldout.py > redaction-heldout.jsonl
"""
import json
import random

import generate_corpus as g

g.rng.seed(7919)

# {TYPE} is a labelled value, {~kind} an unlabelled filler (see generate_corpus.FILLERS).
TEXTS = [
    ("en", "Name: Jane Roe\nEmail: {EMAIL}\nPhone: {PHONE}\nCard: {CREDIT_CARD}"),
    ("en", "--\nJohn Smith | Customer Success\nM: {PHONE} | {EMAIL}"),
    ("en", "pls refund to my acct ({IBAN}) asap thx"),
    ("en", "cc number is {CREDIT_CARD} exp 11/29 cvv 447"),
    ("en", "FYI our egress IPs are {IP_ADDRESS} and {IP_ADDRESS}."),
    ("en", "oops, that was my AWS key: {API_KEY}"),
    ("en", "the PW: {PASSWORD} (please don't share)"),
    ("en", "Password - {PASSWORD}"),
    ("en", "D.O.B.: {DATE_OF_BIRTH}"),
    ("en", "Birth date {DATE_OF_BIRTH}; member since 2015."),
    ("en", "SSN {US_SSN}, DOB {DATE_OF_BIRTH}"),
    ("en", "[{EMAIL}] wrote: my number is {PHONE}"),
    ("en", "The charge on 03/14 was 49.99 USD, order #{~d8}."),
    ("en", "We shipped 3 boxes, tracking 1Z999AA1{~d10}."),
    ("en", "Upgrade from 6.0.1 to 6.2.0 failed with exit code 137."),
    ("en", "Our office hours are 9:00-17:30, Mon-Fri."),
    ("en", "Refund of $1,299.00 was issued on 2025-02-11."),
    ("en", "Your temporary password has expired."),
    ("en", "The card ending in 4242 was declined."),
    ("en", "Please call 1-800-FLOWERS for that order."),
    ("de", "Mit freundlichen Grüßen\nAnna Müller\nTel.: {PHONE}\nE-Mail: {EMAIL}"),
    ("de", "Bitte buchen Sie die Rate von IBAN {IBAN} ab (SEPA-Mandat liegt vor)."),
    ("de", "Meine Kreditkartennummer: {CREDIT_CARD}"),
    ("de", "Versichertennummer lt. Karte: {DE_KVNR}"),
    ("de", "IdNr {DE_TAX_ID} (steht auf dem Lohnsteuerbescheid)"),
    ("de", "Zugangsdaten: Benutzer mmueller, Passwort {PASSWORD}"),
    ("de", "Geburtsdatum {DATE_OF_BIRTH}, Wohnort Hamburg"),
    ("de", "Mobil {PHONE} – bitte nur abends anrufen."),
    ("de", "Die Sendung {~d20} wurde am 03.02.2025 zugestellt."),
    ("de", "Rechnungsbetrag 1.499,00 € inkl. 19 % MwSt., fällig am 15.03.2025."),
    ("de", "Fehlercode E-{~d4} nach dem Update auf 3.4.1."),
    ("de", "Das Passwort ist leider abgelaufen."),
    ("de", "Kundennummer {~badtax}, bitte bei Rückfragen angeben."),
    ("de", "Karte {~badcard} wurde nicht akzeptiert."),
    ("de", "Unsere Bankverbindung finden Sie im Impressum."),
    ("nl", "Met vriendelijke groet,\nPiet de Boer\nT {PHONE}\nE {EMAIL}"),
    ("nl", "Rekeningnummer {IBAN}, graag vóór vrijdag overmaken."),
    ("nl", "BSN {NL_BSN} en geboortedatum {DATE_OF_BIRTH} staan op het formulier."),
    ("nl", "Mijn nieuwe wachtwoord: {PASSWORD}"),
    ("nl", "Kaartnummer {CREDIT_CARD}, vervaldatum 04/27."),
    ("nl", "Bel mij op {PHONE} of mail {EMAIL}."),
    ("nl", "Uw pakket met trackingcode 3S{~d10} is onderweg."),
    ("nl", "Factuur {~d6} van 12-02-2025 is nog niet betaald."),
    ("nl", "We hebben versie 2.3.0 uitgerold op 10-02-2025."),
    ("nl", "Het wachtwoord is onjuist, probeer het opnieuw."),
    ("nl", "Relatienummer {~badbsn} is bij ons bekend."),
    ("nl", "Verkeerde IBAN {~badiban} opgegeven, graag controleren."),
    ("nl", "Openingstijden: ma-vr 08:30-17:00."),
]


def main():
    records = []
    for _ in range(4):
        for lang, template in TEXTS:
            records.append(g.render(template, lang))
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
