namespace PrivacyEf.Tests.Redaction;

/// <summary>More English support texts with personal data: telecom, software support, government services, mixed.</summary>
internal static partial class HeldOutRoundEightTexts
{
    private static (string Lang, string Template)[] EnglishMore => In(
        "en",
        "| Field | Value |\n|---|---|\n| Cardholder | Ines Ward |\n| Card | {CARD_SPACED} |\n| Expiry | 11/28 |",
        "Phone order: customer paying by Amex {AMEX}, delivery to the office.",
        "Transfer the deposit back to {IBAN_NL_BARE} please, that is my partner's account and she agreed.",
        "SSN: {SSN_SPACED}\nStatus: verified by agent 113\nNext step: send form 2290",
        "Re: account recovery\n\nI no longer have access to {EMAIL}. My phone is {PHONE_US2} and my date of birth is {DOB}.",
        "Ticket 55102 (software support)\nReporter: {EMAIL2}\nEnvironment: on-prem, v4.2.1\nHost IP: {IP}\nSymptom: license check fails",
        "Hi team, our staging box at {IP} is sending mail as us. The SMTP password was {PASSWORD}, we rotated it now.",
        "new employee setup\n- laptop password: {PASSWORD}\n- badge PIN: {PASSWORD}\n- phone ext: 4417",
        "pls call {PHONE_US} re: the outage in my street, been 3 days",
        "Emergency contact: Grace Obi, {PHONE_INTL}",
        "Hi! Could you change the contact e-mail on contract 77-310 to {EMAIL}? Thanks, Olu",
        "Guest profile\nName: Pedro Alvarez\nEmail: {EMAIL2}\nMobile: {PHONE_INTL}\nDate of birth: {DOB}\nLoyalty tier: Silver",
        "Attempt to sign in from {IP} (Frankfurt, DE) blocked. If this was you, use code 411 203 to continue.",
        "curl -H \"X-Api-Key: {API_KEY}\" https://api.example.com/v2/orders?status=open",
        "Customer read out the card {CARD} and the PIN {PASSWORD} - I stopped him at the PIN and told him we never need it.",
        "My login is pmurphy and the password is {PASSWORD}, the app says my account does not exist.",
        "Passport renewal enquiry. Applicant DOB: {DOB}. Old passport lost abroad.",
        "[support-bot] user=t.nguyen ip={IP} action=password_reset status=sent",
        "git remote set-url origin https://deploy:{API_KEY}@git.example.com/shop/web.git",
        "Hi, I signed up with {EMAIL} and with {EMAIL2} by mistake, can you merge the two accounts?",
        "Please call my husband on {PHONE_US} or me on {PHONE_US2}, whoever picks up.",
        "Meter reading submitted. Contact {PHONE_INTL}. Customer born {DOB}. Payment by card {CARD_DASHED}.",
        "Claim form page 2\nBank account for payout (IBAN): {IBAN}\nSignature: ____",
        "DOB: {DOB} / SSN: {SSN_DASHED} / Member since 2011",
        "The kiosk asked me for a PIN and I entered {PASSWORD}, which is what the letter said. Rejected.",
        "The guest Wi-Fi is HotelGuest and the key on the card in my room says {PASSWORD}, it doesn't connect.",
        "admin credentials for the NAS (sorry for email): root / {PASSWORD}",
        "Hi, it's Rob from 2B, the alarm code is {PASSWORD} if the engineer needs to get in tomorrow.",
        "You asked for my memorable word: {PASSWORD}",
        "Our service account token: {API_KEY} (read-only, I think).",
        "Please whitelist {IP} and {IP} for the payment callback.",
        "Reply-To: {EMAIL2}\nX-Originating-IP: [{IP}]\nSubject: complaint",
        "Unsubscribe did not work, I still get the newsletter at {EMAIL}. Please remove me.",
        "Hi, this is Carla (account holder). Please add my son as authorised user: email {EMAIL2}, mobile {PHONE_US}.");
}
