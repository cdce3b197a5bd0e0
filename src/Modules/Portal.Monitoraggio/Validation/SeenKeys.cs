namespace Portal.Monitoraggio.Validation;

/// <summary>
/// The ID_PRATICA hashes (<see cref="PraticaKey"/>) met so far in a feed, each with the line where it first appeared:
/// open addressing over two flat arrays (12 bytes a slot, at most 3/4 full), so a million IDs take about 24 MB and no
/// object per entry.
/// </summary>
internal sealed class SeenKeys
{
    private ulong[] _keys;
    private int[] _lines;
    private int _count;

    /// <summary>
    /// Sized at once for <paramref name="expected"/> IDs (more still fit: the table grows): growing by doubling up to a
    /// million IDs would leave ~36 MB of outgrown arrays on the large-object heap until a full collection.
    /// </summary>
    public SeenKeys(int expected = 0)
    {
        var size = 1 << 12;
        while (size < 1 << 24 && (long)expected * 4 > (long)size * 3) size <<= 1;
        _keys = new ulong[size];
        _lines = new int[size];
    }

    /// <summary>Adds the key with its line; false (and the first line) when it was there already.</summary>
    public bool TryAdd(ulong key, int line, out int firstLine)
    {
        if (key == 0) key = 1; // 0 marks an empty slot
        var mask = _keys.Length - 1;
        var i = (int)(Mix(key) & (uint)mask);
        while (_keys[i] != 0)
        {
            if (_keys[i] == key)
            {
                firstLine = _lines[i];
                return false;
            }
            i = (i + 1) & mask;
        }
        _keys[i] = key;
        _lines[i] = line;
        firstLine = 0;
        if (++_count * 4 > _keys.Length * 3) Grow();
        return true;
    }

    private static ulong Mix(ulong k) => (k ^ (k >> 29)) * 0xBF58476D1CE4E5B9UL >> 32;

    private void Grow()
    {
        var keys = _keys;
        var lines = _lines;
        _keys = new ulong[keys.Length * 2];
        _lines = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] == 0) continue;
            var i = (int)(Mix(keys[j]) & (uint)mask);
            while (_keys[i] != 0) i = (i + 1) & mask;
            _keys[i] = keys[j];
            _lines[i] = lines[j];
        }
    }
}
