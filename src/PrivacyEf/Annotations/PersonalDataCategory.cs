namespace PrivacyEf;

/// <summary>The kind of personal data a property holds; drives default masking, grants and the inventory.</summary>
public enum PersonalDataCategory
{
    /// <summary>Personal data that fits no other category.</summary>
    Other = 0,

    /// <summary>Who a person is: names, national identifiers, dates of birth.</summary>
    Identity = 1,

    /// <summary>How to reach a person: e-mail addresses, phone numbers, postal addresses.</summary>
    Contact = 2,

    /// <summary>Card numbers, bank accounts, tax numbers.</summary>
    Financial = 3,

    /// <summary>Health data and health insurance numbers (special category).</summary>
    Health = 4,

    /// <summary>Where a person is or has been.</summary>
    Location = 5,

    /// <summary>Online identifiers: IP addresses, device ids, cookies.</summary>
    Online = 6,

    /// <summary>Secrets that authenticate a person: passwords, API keys.</summary>
    Credentials = 7,

    /// <summary>Free text that may contain any of the above, such as chat messages.</summary>
    FreeText = 8,

    /// <summary>Age, gender, language and similar demographic attributes.</summary>
    Demographic = 9,
}
