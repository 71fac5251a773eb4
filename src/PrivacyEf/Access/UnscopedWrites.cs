namespace PrivacyEf;

/// <summary>
/// Whether <c>SaveChanges</c> outside any access scope may write personal properties (change them, or add an entity
/// that has a value in one). The write-side counterpart of <see cref="UnscopedAccess"/>, and set independently of it:
/// disclosing unscoped reads does not allow unscoped writes.
/// </summary>
public enum UnscopedWrites
{
    /// <summary>
    /// Refused with <see cref="PrivacyAccessDeniedException"/> naming entity and property: open
    /// <see cref="Privacy.System"/> (seeding, imports, jobs) or <see cref="Privacy.Access(string, string, IEnumerable{string})"/> around the save.
    /// </summary>
    Deny = 0,

    /// <summary>Allowed, as before PrivacyEf authorized writes; masks loaded into an entity are still never written back.</summary>
    Allow = 1,
}
