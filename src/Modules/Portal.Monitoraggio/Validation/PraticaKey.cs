namespace Portal.Monitoraggio.Validation;

/// <summary>
/// A 64-bit FNV-1a hash of an ID_PRATICA: a million IDs checked for duplicates and against the portal's states take
/// 8 bytes each instead of a string each (the peak memory target of a 1,000,000-line feed).
/// </summary>
public static class PraticaKey
{
    public static ulong Hash(string id) => Hash(id.AsSpan());

    public static ulong Hash(ReadOnlySpan<char> id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
