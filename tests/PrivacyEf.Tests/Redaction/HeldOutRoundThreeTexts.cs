namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round three, written by someone who had not read the recognizers (nor the earlier rounds' texts) and
/// measured once, with nothing changed after reading the result. Support mail, chat, web forms, call notes and
/// pasted snippets in English, German and Dutch: values with punctuation around them, labels with typos, next to
/// order numbers and dates. Placeholders as in <see cref="RoundThreeValues"/>; a text without one is a hard
/// negative. English here, German, Dutch and the hard negatives in the other parts.
/// </summary>
internal static partial class HeldOutRoundThreeTexts
{
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
        [.. English, .. German, .. Dutch, .. HardNegatives];

    private static (string Lang, string Template)[] English =>
    [
        ("en", "Hi there,\n\nI was charged twice for order #A-20931. The card used was {CARD_SPACED}.\n\nThanks,\nMaria"),
        ("en", "card no.: {CARD_DASHED} exp 09/27"),
        ("en", "Please refund to my Visa ({CARD_BARE}), not to PayPal."),
        ("en", "Amex {AMEX}, CVV I'll give by phone"),
        ("en", "Re: Order 558812 - payment failed\n> which card did you use?\nthis one: {CARD}"),
        ("en", "The last payment attempt used {CARD_SPACED}; the bank says it was blocked for fraud."),
        ("en", "creditcard nr {CARD_BARE}"),
        ("en", "I typed my card wrong first ({CARD_DASHED}) and then the right one, see order 77120."),
        ("en", "My card number is\n{CARD_SPACED}\nexpiry 11/26"),
        ("en", "Pls cancel the subscription on card ending... actually here is the full number: {CARD_SPACED}."),
        ("en", "Card: {CARD_DASHED}, Name on card: J. OKAFOR"),
        ("en", "payment method -> {CARD}"),
        ("en", "Refund to IBAN {IBAN_DE}, account holder Lukas Meyer."),
        ("en", "Our new bank details: IBAN: {IBAN_NL_BARE} BIC: INGBNL2A"),
        ("en", "Can you wire the deposit back to {IBAN}? It's my Belgian account."),
        ("en", "iban:{IBAN_DE_BARE}"),
        ("en", "bank acct (IBAN) = {IBAN_BE}"),
        ("en", "Please update my direct debit mandate to {IBAN_NL} from next month (invoice INV-2024-0412)."),
        ("en", "IBAN\n{IBAN}\nReference: refund ticket 40021"),
        ("en", "SSN: {SSN_DASHED}"),
        ("en", "my social is {SSN_DASHED} if you need it for the tax form"),
        ("en", "Social Security Number - {SSN_SPACED}"),
        ("en", "For the W-9: SSN {SSN_BARE}, name as on the return."),
        ("en", "ssn# {SSN_DASHED} (dob below)"),
        ("en", "Social security no. {SSN_BARE}"),
        ("en", "German tax ID (Steuer-ID): {TAX_ID_SPACED}"),
        ("en", "My tax identification number for Germany is {TAX_ID_BARE}."),
        ("en", "Health insurance no. (KVNR): {KVNR}"),
        ("en", "Dutch BSN for the payroll: {BSN_DOTTED}"),
        ("en", "citizen service number (BSN) {BSN_BARE}"),
        ("en", "You can reach me at {EMAIL} or on my mobile {PHONE_US}."),
        ("en", "Email: {EMAIL2}\nPhone: {PHONE_US2}\nOrder: 1188-3390"),
        ("en", "please send the invoice to {EMAIL2}, not the old address"),
        ("en", "<{EMAIL}> wrote on 3 March 2024:"),
        ("en", "Contact me: {EMAIL}."),
        ("en", "mailto:{EMAIL2}"),
        ("en", "From: \"Peter Grant\" <{EMAIL2}>\nSent: Tuesday, 14 May 2024 09:12\nSubject: Return label for order 99812"),
        ("en", "cc'ing my wife ({EMAIL}) so she gets the tracking too"),
        ("en", "Call back on {PHONE_US2} after 5pm EST please."),
        ("en", "tel. {PHONE_US}"),
        ("en", "Mobile: {PHONE_INTL} (I'm in London this week)"),
        ("en", "phone {PHONE_DE_MOBILE} / whatsapp same number"),
        ("en", "best number to reach me is {PHONE_NL_MOBILE}"),
        ("en", "Cell: {PHONE_US2}; Office: {PHONE_US}"),
        ("en", "Call {PHONE_INTL} - ask for Nadia"),
        ("en", "Password: {PASSWORD}"),
        ("en", "login is my email and the password is {PASSWORD}"),
        ("en", "pasword: {PASSWORD} (I know, I'll change it)"),
        ("en", "pwd = {PASSWORD}"),
        ("en", "Here are the credentials for the test account:\nuser: demo_shop\npassword: {PASSWORD}"),
        ("en", "my passwd is {PASSWORD} but it says invalid"),
        ("en", "temporary password {PASSWORD} - please reset after login"),
        ("en", "Date of birth: {DOB}"),
        ("en", "I was born on {DOB} so I should get the senior discount."),
        ("en", "DOB {DOB}, member since 2019"),
        ("en", "birthday: {DOB}"),
        ("en", "Our server {IP} keeps getting 403 from your API since yesterday."),
        ("en", "Whitelist request: {IP} and {IP}, thanks."),
        ("en", "The error log says: connection refused from {IP}:443"),
        ("en", "Oops, I pasted my key in the ticket: {API_KEY} - please delete"),
        ("en", "api_key={API_KEY}"),
        ("en", "Authorization: Bearer {API_KEY}"),
        ("en", "Name: Tom Becker\nEmail: {EMAIL}\nPhone: {PHONE_DE}\nCard: {CARD_SPACED}\nOrder: 100234"),
        ("en", "Hi, I'm {EMAIL2}, card {CARD_DASHED}, order 7781 from 12/03/2024 - wrong size."),
        ("en", "Customer verified with DOB {DOB} and SSN {SSN_DASHED}."),
        ("en", "(IBAN: {IBAN_DE})"),
        ("en", "\"card\": \"{CARD_BARE}\", \"amount\": \"129.00\""),
        ("en", "Ticket #48812 - customer {EMAIL} asks to move refund to IBAN {IBAN_NL}."),
        ("en", "Call notes 14:05 - caller gave card {CARD_SPACED} and phone {PHONE_US}; verified."),
        ("en", "Hello, new phone number: {PHONE_DE_LAND}. Old one is no longer in use."),
    ];
}
