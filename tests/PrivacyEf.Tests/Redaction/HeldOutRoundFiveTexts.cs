namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round five: support material as an agent of a web shop, a SaaS vendor, a bank or a health insurer sees
/// it (mail with greetings and signatures, chat transcripts, form dumps, call notes, forwarded and quoted mail,
/// pasted CSV, YAML, log lines, stack traces, config files, tables), in English, German and Dutch, sometimes mixed.
/// Written without reading the recognizers or the earlier rounds' texts. Placeholders are filled by
/// <see cref="RoundThreeValues"/>; templates without a placeholder are hard negatives with no personal data in them.
/// </summary>
internal static partial class HeldOutRoundFiveTexts
{
    /// <summary>Every part, each read once (the parts are computed on access, so their order of initialisation does not matter).</summary>
    public static IReadOnlyList<(string Lang, string Template)> Templates { get; } =
    [
        .. English, .. EnglishMore, .. German, .. GermanMore, .. Dutch, .. DutchMore, .. Mixed,
        .. HardNegatives, .. HardNegativesGerman, .. HardNegativesDutch,
    ];

    private static (string Lang, string Template)[] English =>
    [
        ("en", "Hi team,\n\nI was charged twice for order #A-558213 (3 May and again on 4 May). Card used: {CARD_SPACED}\n\nCan you refund one of the two?\n\nThanks,\nMegan Doyle"),
        ("en", "[10:02:14] Visitor: hello is anyone there\n[10:02:31] Priya (Support): Hi! How can I help?\n[10:03:05] Visitor: cant log in, my pw is {PASSWORD} and it keeps saying wrong\n[10:03:40] Priya (Support): Please don't share your password in chat. I've sent you a reset link."),
        ("en", "--- Contact form submission ---\nName: Carl Jensen\nEmail: {EMAIL}\nPhone: {PHONE_US}\nTopic: Billing\nMessage: pls update the card on file, new one is {CARD_DASHED} exp 09/28\n--- end of submission ---"),
        ("en", "CALL NOTE 14:22 - caller verified with DOB {DOB} + last 4 of SSN. Caller then read out the full SSN ({SSN_DASHED}) although not asked. Advised against it. Issue: W-9 rejected, resubmission pending."),
        ("en", "---------- Forwarded message ---------\nFrom: Dana Whitfield <{EMAIL2}>\nDate: Tue, 14 May 2024 at 09:12\nSubject: Re: refund\n\n> Could you send us the account details for the refund?\n\nSure, it's {IBAN} (account holder Dana Whitfield).\n\nDana"),
        ("en", "  \"customer_email\": \"{EMAIL}\",\n  \"signup_ip\": \"{IP}\",\n  \"plan\": \"pro-annual\",\n  \"trial_days\": 14,"),
        ("en", "customer:\n  id: 88213\n  email: {EMAIL}\n  phone: \"{PHONE_INTL}\"\n  dob: {DOB}\nnotes: prefers a callback after 5pm"),
        ("en", "2024-05-14T09:12:44.120Z WARN  auth.LoginController - failed login for user={EMAIL} from {IP} (attempt 3/5)"),
        ("en", "System.InvalidOperationException: Payment declined for card {CARD_BARE}\n   at Shop.Payments.CardGateway.Charge(Order order) in /app/src/Payments/CardGateway.cs:line 118\n   at Shop.Checkout.CheckoutService.Complete(Guid id) in /app/src/Checkout/CheckoutService.cs:line 57"),
        ("en", "SMTP_HOST=smtp.mailhost.example\nSMTP_PORT=587\nSMTP_USER=notifications\nSMTP_PASS={PASSWORD}\nSTRIPE_SECRET={API_KEY}\nLOG_LEVEL=info"),
        ("en", "| Field | Value |\n|---|---|\n| Account holder | R. Okafor |\n| IBAN | {IBAN_NL} |\n| Mandate signed | 2023-11-02 |"),
        ("en", "What the customer gave us on the phone:\n- name: Thomas Reilly\n- date of birth: {DOB}\n- SSN: {SSN}\n- callback: {PHONE_US2}\n- prefers email over phone"),
        ("en", "{EMAIL} is the address I signed up with, not the one you keep writing to."),
        ("en", "Please call me back, I'm at work until 6. {PHONE_US}"),
        ("en", "sorry forgot to say, the account is under my work email and what I type in is {PASSWORD}. not sure if caps lock matters"),
        ("en", "new pass: {PASSWORD} (temporary, will change it after)"),
        ("en", "Login: jdoe_shop / {PASSWORD}"),
        ("en", "user: admin\npass: {PASSWORD}\nurl: https://portal.example.com/admin"),
        ("en", "hi, my ssn is {SSN_BARE}, dob {DOB}. need the 1099 re-issued. thx"),
        ("en", "Re: Your application APP-20931\n\nHello,\nas requested: Social Security No. {SSN_SPACED}\nWe do not have an employer EIN.\n\nKind regards\nLuis Ortega"),
        ("en", "Socail sec #: {SSN_DASHED}\nReason for call: tax form shows the wrong name"),
        ("en", "Amex {AMEX} exp 11/27, CID is on the back. Please put the annual plan on this one."),
        ("en", "Can you check why my payment failed? Used {CARD}. The bank says nothing was blocked on their side."),
        ("en", "Refund should go back to the original payment method (Visa {CARD_SPACED}), not store credit please."),
        ("en", "gateway_response card_number=\"{CARD_BARE}\" cvv=\"***\" status=declined code=05"),
        ("en", "Hello, I moved to Belgium. Please use my new account {IBAN_BE} from next month on. The old one will be closed."),
        ("en", "Bank details for the direct debit:\nAccount holder: Hannah Price\nIBAN: {IBAN_DE}\nBIC: COBADEFFXXX\nStart: June"),
        ("en", "Please move the standing order from {IBAN_NL_BARE} to {IBAN_DE_BARE}. Both accounts are in my name."),
        ("en", "DEBUG http.client POST /v1/charges headers=[Authorization: Bearer {API_KEY}] content-length=412"),
        ("en", "hey, our integration broke after we rotated keys. old key {API_KEY}, new key {API_KEY} - which one is the dashboard showing?"),
        ("en", "I accidentally pasted my token into the ticket description ({API_KEY}). Can you delete it please?"),
        ("en", "Our office IP changed to {IP}, please whitelist it for the SFTP upload."),
        ("en", "Blocked requests came from {IP} and {IP} between 02:00 and 02:15 UTC. Is that you or an attacker?"),
        ("en", "Mobile: {PHONE_INTL}\nWork: {PHONE_US2} ext. 214\nBest time: mornings"),
        ("en", "Please change my login email from {EMAIL} to {EMAIL2}. I no longer have access to the old one."),
        ("en", "From: \"Kim, Soo-ah\" <{EMAIL2}>\nTo: Customer Care\nSubject: cancel subscription\n\nPlease cancel at the end of the billing period."),
        ("en", "You can reach me at mailto:{EMAIL} or just reply here."),
        ("en", "I was born on {DOB}, so I should already be eligible for the senior discount?"),
        ("en", "D.O.B. {DOB}; member since 2011; plan Gold 80"),
        ("en", "Member ID MBR-2231907, DOB {DOB}. Claim for physio sessions in March was denied, reason code CO-50. Please review."),
        ("en", "Wire instructions - beneficiary: Greenfield Landscaping LLC, IBAN {IBAN}, reference INV-4471. Please confirm receipt."),
        ("en", "Name: Amira Haddad | Email: {EMAIL} | Phone: {PHONE_INTL} | IP at signup: {IP}"),
        ("en", "customer_id,email,phone,signup_ip\n10294,{EMAIL},{PHONE_US},{IP}\n10295,{EMAIL2},{PHONE_US2},{IP}"),
        ("en", "Our SSO broke. Created a temporary local admin: username svc-admin, password {PASSWORD}. Please disable it once SAML works again."),
        ("en", "Password reset mail never arrived. I had set it to {PASSWORD} last week and now that doesn't work either."),
        ("en", "It's {PASSWORD} - with a capital letter at the start I think."),
        ("en", "> What password did you try?\n{PASSWORD}\n> And which browser?\nChrome on a Mac"),
        ("en", "Router admin login is admin / {PASSWORD} if your technician needs it on Thursday."),
        ("en", "I called earlier and the lady asked for my telephone banking passcode. It's {PASSWORD}. Can you note that on my file?"),
        ("en", "Hi, I'm an expat in Berlin. My German tax ID is {TAX_ID} and my insurance number (Versichertennummer) is {KVNR_BARE}. Do you need anything else for the payroll setup?"),
        ("en", "Tax identification number (Germany): {TAX_ID_SPACED}\nTax class: 1\nChurch tax: no"),
        ("en", "Onboarding checklist - Jonas Weber\n[x] contract signed\n[x] Steuer-ID {TAX_ID_BARE}\n[ ] health insurance card ({KVNR})\n[ ] bank account"),
        ("en", "My Dutch BSN is {BSN} - the municipality gave it to me last week. Can you add it to the insurance application?"),
        ("en", "citizen service number: {BSN_DOTTED}"),
        ("en", "BSN {BSN_BARE} / DOB {DOB} / policy ZV-884120"),
        ("en", "{IBAN_DE} - that's where the refund goes, thanks!"),
        ("en", "Hello,\n\nplease find my details for the reimbursement below.\n\n  Policy holder ..... Grace Liu\n  Date of birth ..... {DOB}\n  Bank account ...... {IBAN}\n  Phone ............. {PHONE_INTL}\n\nBest wishes,\nGrace"),
        ("en", "ERROR 2024-05-14 11:02:09,771 [worker-3] billing.sync - could not tokenize PAN={CARD_BARE} merchant=shop-eu-01 reason=expired"),
        ("en", "Agent note: customer insisted on reading out her card no. {CARD_SPACED} and the CVV. I stopped her after the number; CVV was not written down."),
    ];
}
