namespace Portal.Core.Validation;

/// <summary>Format and check character of an Italian codice fiscale (persons, 16 characters, omocodia included).</summary>
public static class CodiceFiscale
{
    private static readonly int[] OddValues =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private const string Months = "ABCDEHLMPRST";
    private const string Omocodia = "LMNPQRSTUV";
    // 0-based positions that hold digits, or their omocodia letters.
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];
    private const int DigitPositionMask = 1 << 6 | 1 << 7 | 1 << 9 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 14;

    /// <summary>Removes the SPID "TINIT-" prefix and upper-cases; null when absent.</summary>
    public static string? FromSpidAttribute(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.StartsWith("TINIT-", StringComparison.OrdinalIgnoreCase)) v = v[6..];
        return v.ToUpperInvariant();
    }

    public static bool IsValid(string? cf) => cf is not null && IsValid(cf.AsSpan());

    /// <summary>As <see cref="IsValid(string?)"/>, on characters that need not be a string (no allocation).</summary>
    public static bool IsValid(ReadOnlySpan<char> cf)
    {
        if (cf.Length != 16) return false;
        for (var i = 0; i < 16; i++)
        {
            var c = cf[i];
            var isDigitPos = (DigitPositionMask & (1 << i)) != 0;
            if (isDigitPos) { if (!char.IsAsciiDigit(c) && !Omocodia.Contains(c)) return false; }
            else if (!char.IsAsciiLetterUpper(c)) return false;
        }
        if (!Months.Contains(cf[8])) return false;
        return cf[15] == CheckCharacter(cf[..15]);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }
        return (char)('A' + sum % 26);
    }

    /// <summary>
    /// Decodes sex, birth date and the cadastral code of the birth place (a Comune, or "Z..." for a
    /// foreign state). False when the code is not valid or the date does not exist. The century is
    /// the latest one that does not put the birth date after <paramref name="today"/>.
    /// </summary>
    public static bool TryDecode(string? cf, DateOnly today, out CodiceFiscaleData data)
    {
        data = default;
        if (cf is null) return false;
        cf = cf.Trim().ToUpperInvariant();
        if (!IsValid(cf)) return false;
        var plain = cf.ToCharArray();
        foreach (var i in DigitPositions)
        {
            var o = Omocodia.IndexOf(plain[i]);
            if (o >= 0) plain[i] = (char)('0' + o);
        }
        var yy = (plain[6] - '0') * 10 + (plain[7] - '0');
        var month = Months.IndexOf(plain[8]) + 1;
        var day = (plain[9] - '0') * 10 + (plain[10] - '0');
        var sex = day > 40 ? 'F' : 'M';
        if (day > 40) day -= 40;
        var year = today.Year / 100 * 100 + yy;
        if (year > today.Year) year -= 100;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var birth = new DateOnly(year, month, day);
        if (birth > today) birth = birth.AddYears(-100);
        data = new CodiceFiscaleData(sex, birth, new string(plain, 11, 4));
        return true;
    }
}

/// <summary>What a codice fiscale says about its holder; <see cref="CodiceCatastale"/> starts with Z for a foreign state.</summary>
public readonly record struct CodiceFiscaleData(char Sesso, DateOnly DataNascita, string CodiceCatastale)
{
    public bool NatoAllEstero => CodiceCatastale.StartsWith('Z');
}
