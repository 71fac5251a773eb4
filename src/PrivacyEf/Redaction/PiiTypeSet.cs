namespace PrivacyEf.Redaction;

/// <summary>The built-in types a redactor looks for, as a bit set.</summary>
internal readonly record struct PiiTypeSet(int Bits)
{
    public static PiiTypeSet All { get; } = new(~0);

    public bool Contains(PiiType type) => (Bits & (1 << (int)type)) != 0;

    public PiiTypeSet Without(PiiType type) => new(Bits & ~(1 << (int)type));
}
