namespace PrivacyEf.Redaction;

/// <summary>
/// Decides what a window of digit groups is: a checksummed identifier, an IPv4 address, a phone number or
/// nothing. A value's boundaries are its digits and separators; what stands before it only matters as context:
/// a '+' or '(' that belongs to a phone number, a label that vouches for a bare run of digits, a reference word
/// that explains one, or a word it is glued to ("INV-2024", "Nr.4111...") that makes it part of an identifier.
/// </summary>
internal static class NumberWindowClassifier
{
    public const int MaxDigits = 19;

    public static PiiMatch? Classify(ReadOnlySpan<char> text, List<DigitGroup> groups, int first, int last, char prefix, bool glued, PiiTypeSet types)
    {
        Span<char> digits = stackalloc char[MaxDigits + 1];
        var count = 0;
        for (var i = first; i <= last; i++)
        {
            var group = text[groups[i].Start..groups[i].End];
            if (count + group.Length > MaxDigits)
            {
                return null;
            }

            group.CopyTo(digits[count..]);
            count += group.Length;
        }

        var number = digits[..count];
        var start = groups[first].Start;
        var end = groups[last].End;
        var separators = SeparatorKind.None;
        for (var i = first; i < last; i++)
        {
            separators |= SeparatorKinds.Of(text[groups[i].End..groups[i + 1].Start]);
        }

        var window = new Window(text, groups, first, last, start, glued);
        if ((separators & SeparatorKind.LineBreak) != 0)
        {
            // Only a card number is long enough to be wrapped, and it wraps between its groups (4-4-4-4, 4-6-5).
            return types.Contains(PiiType.CreditCard) && window.IsWrappedCard(number) ? new PiiMatch(start, end - start, PiiType.CreditCard) : null;
        }

        if (prefix == '+' && !glued && types.Contains(PiiType.Phone) && PhoneRules.IsPhone(text, number, groups, first, last, prefix, separators))
        {
            // "+31 20 123 4567": an E.164 number, whatever check digit its last digit happens to be.
            return new PiiMatch(start - 1, end - start + 1, PiiType.Phone);
        }

        if (ChecksummedType(window, number, separators, types) is { } type)
        {
            return new PiiMatch(start, end - start, type);
        }

        if (glued)
        {
            return null;
        }

        if (prefix != '+' && types.Contains(PiiType.IpAddress) && window.GroupCount == 4 && separators == SeparatorKind.Dot && IsIpv4(text, groups, first) && !FollowsVersionWord(text, start))
        {
            return new PiiMatch(start, end - start, PiiType.IpAddress);
        }

        // "order no. 0177285006", "Sendungsnummer: 00340434 1610 9404 2558": digits after a reference word are that
        // reference, even when they dial.
        // "0034 0434 1612 3456 7890": a run of four or more equal groups is one number (a parcel or tracking
        // number); no phone number starts or ends inside it.
        if (types.Contains(PiiType.Phone) && PhoneRules.IsPhone(text, number, groups, first, last, prefix, separators)
            && !(prefix == '\0' && IdentifierContext.FollowsReferenceWord(text, start))
            && !IsSliceOfEqualGroups(groups, first, last))
        {
            // "(212) 555-0143": the parenthesis is part of the number; "(030 1234567)": it only wraps it.
            var phoneStart = prefix == '\0' || (prefix == '(' && (separators & SeparatorKind.Paren) == 0) ? start : start - 1;
            return new PiiMatch(phoneStart, end - phoneStart, PiiType.Phone);
        }

        return null;
    }

    private static PiiType? ChecksummedType(Window window, ReadOnlySpan<char> number, SeparatorKind separators, PiiTypeSet types)
    {
        var count = number.Length;
        var groupCount = window.GroupCount;
        var noSlashOrParen = (separators & (SeparatorKind.Slash | SeparatorKind.Paren)) == 0;

        // Cards are printed in groups of four (Amex 4-6-5): a shorter first group is another number before it.
        if (types.Contains(PiiType.CreditCard) && count is >= 13 and <= 19 && groupCount <= 5 && noSlashOrParen
            && (groupCount == 1 || window.FirstGroupLength >= 4)
            && Checksums.IsIssuedCardRange(number) && Checksums.Luhn(number) && window.Accepts(PiiType.CreditCard))
        {
            return PiiType.CreditCard;
        }

        if (types.Contains(PiiType.GermanTaxId) && count == 11 && groupCount <= 4 && separators is SeparatorKind.None or SeparatorKind.Space or SeparatorKind.Slash
            && Checksums.GermanTaxId(number) && window.Accepts(PiiType.GermanTaxId))
        {
            return PiiType.GermanTaxId;
        }

        if (count != 9)
        {
            return null;
        }

        // A bare run after an SSN label is an SSN even when it also passes the elfproef, unless a BSN label is nearer.
        var ssnFirst = groupCount == 1 && types.Contains(PiiType.UsSsn) && window.NearestLabelIs(PiiType.UsSsn, PiiType.DutchBsn);
        if (ssnFirst && Checksums.UsSsn(number))
        {
            return PiiType.UsSsn;
        }

        if (types.Contains(PiiType.DutchBsn) && IsBsnShape(window, separators) && Checksums.Elfproef(number) && window.Accepts(PiiType.DutchBsn))
        {
            return PiiType.DutchBsn;
        }

        if (types.Contains(PiiType.UsSsn) && groupCount == 3 && window.GroupLengthsAre(3, 2, 4)
            && (separators is SeparatorKind.Dash or SeparatorKind.Space || (separators == SeparatorKind.Dot && window.HasLabel(PiiType.UsSsn)))
            && Checksums.UsSsn(number) && window.Accepts(PiiType.UsSsn))
        {
            return PiiType.UsSsn;
        }

        return null;
    }

    private static bool IsSliceOfEqualGroups(List<DigitGroup> groups, int first, int last)
    {
        if (groups.Count < 4 || (first == 0 && last == groups.Count - 1))
        {
            return false;
        }

        foreach (var group in groups)
        {
            if (group.Length != groups[0].Length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"111222333", "1112.22.333", "111 222 333"; dashes only after a label. 3-2-4 is an SSN's shape, not a BSN's.</summary>
    private static bool IsBsnShape(Window window, SeparatorKind separators) =>
        window.GroupCount == 1
        || (window.GroupCount == 3 && (window.GroupLengthsAre(4, 2, 3) || window.GroupLengthsAre(3, 3, 3))
            && (separators is SeparatorKind.Dot or SeparatorKind.Space || (separators == SeparatorKind.Dash && window.HasLabel(PiiType.DutchBsn))));

    /// <summary>Four octets; not 0.x.x.x (this host, "listen on 0.0.0.0"), 127.x.x.x (loopback) or the broadcast address, which are no one's.</summary>
    private static bool IsIpv4(ReadOnlySpan<char> text, List<DigitGroup> groups, int first)
    {
        var firstOctet = text[groups[first].Start..groups[first].End];
        if (firstOctet is "0" or "127" or "255")
        {
            return false;
        }

        for (var i = first; i < first + 4; i++)
        {
            var part = text[groups[i].Start..groups[i].End];
            if (part.Length > 3 || (part.Length > 1 && part[0] == '0') || int.Parse(part, provider: System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Version 2.1.0.4", "Build 10.0.2.1", "Update auf 7.1.0.2": four dotted numbers after such a word are a version, not an address.</summary>
    private static bool FollowsVersionWord(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 16);
        var before = text[from..start];
        return before.Contains("version", StringComparison.OrdinalIgnoreCase)
            || before.Contains("versie", StringComparison.OrdinalIgnoreCase)
            || before.Contains("release", StringComparison.OrdinalIgnoreCase)
            || before.Contains("build", StringComparison.OrdinalIgnoreCase)
            || before.Contains("firmware", StringComparison.OrdinalIgnoreCase)
            || before.Contains("update", StringComparison.OrdinalIgnoreCase)
            || before.Contains("upgrade", StringComparison.OrdinalIgnoreCase)
            || before.Contains("patch", StringComparison.OrdinalIgnoreCase)
            || before.Contains("install", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("v ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The groups under test and what the text before them says.</summary>
    private readonly ref struct Window(ReadOnlySpan<char> text, List<DigitGroup> groups, int first, int last, int start, bool glued)
    {
        private readonly ReadOnlySpan<char> text = text;

        public int GroupCount => last - first + 1;

        public int FirstGroupLength => groups[first].Length;

        public bool GroupLengthsAre(int a, int b, int c) => groups[first].Length == a && groups[first + 1].Length == b && groups[first + 2].Length == c;

        public bool IsWrappedCard(ReadOnlySpan<char> number)
        {
            for (var i = first; i < last; i++)
            {
                if (groups[i].Length is not (4 or 6) || groups[first].Length != 4 || text[groups[i].End..groups[i + 1].Start].Count('\n') > 1)
                {
                    return false;
                }
            }

            return number.Length is >= 13 and <= 19 && Checksums.IsIssuedCardRange(number) && Checksums.Luhn(number) && Accepts(PiiType.CreditCard);
        }

        public bool HasLabel(PiiType type) => IdentifierContext.HasLabelFor(text, start, type);

        public bool NearestLabelIs(PiiType type, PiiType other)
        {
            var distance = IdentifierContext.LabelDistance(text, start, type);
            var otherDistance = IdentifierContext.LabelDistance(text, start, other);
            return distance >= 0 && (otherDistance < 0 || distance < otherDistance);
        }

        /// <summary>
        /// A checksum-valid candidate counts, except a number glued to a word without a label ("INV-2024...",
        /// "ORD-4111..."), or a bare run of digits right after a reference word ("order 111222333") without one.
        /// A card number counts after a reference word too: its issuer range, length and Luhn check rarely pass
        /// by chance, and a card that leaks costs more than an order number that is hidden.
        /// </summary>
        public bool Accepts(PiiType type)
        {
            if (!glued && (GroupCount > 1 || type == PiiType.CreditCard))
            {
                return true;
            }

            var labelled = HasLabel(type);
            return labelled || (!glued && !IdentifierContext.FollowsReferenceWord(text, start));
        }
    }
}
