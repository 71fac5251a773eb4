namespace PrivacyEf;

/// <summary>One value of an exported row, with what the data subject is entitled to know about it (GDPR Art. 15).</summary>
/// <param name="Value">The value, decrypted.</param>
/// <param name="Personal">Whether PrivacyEf classifies it as personal data.</param>
/// <param name="Category">Its personal data category, for personal values.</param>
/// <param name="Purposes">What it is processed for; empty means any purpose of the application.</param>
/// <param name="Retention">How long it is kept, in words; null when no period is set.</param>
/// <param name="Withheld">
/// Whether the value is left out (<see cref="Value"/> is null): credentials (<see cref="PersonalDataCategory.Credentials"/>,
/// such as a password hash or an authenticator key) are held, and said to be, but never handed out, since a copy of them
/// tells the person nothing and would let whoever obtains the export act as them.
/// </param>
public sealed record SubjectField(object? Value, bool Personal, PersonalDataCategory? Category, IReadOnlyList<string> Purposes, string? Retention, bool Withheld = false);
