using System.Buffers.Binary;

namespace Portal.Documents.Services;

/// <summary>
/// A TrueType font cut down to some of its glyphs, made once per process. SkiaSharp's PDF backend is built without a font
/// subsetter and embeds (and deflates) each font file whole in every document: DejaVu Sans alone is 760 KB, ~20 ms of CPU
/// and ~390 KB in every receipt. Here the outlines of the glyphs not kept are emptied, glyph ids stay as they are (so the
/// character map, the advances and the text extracted from the PDF are unchanged), and the tables only shaping reads
/// (GPOS, GSUB, kern, the glyph names) are dropped: SkiaSharp draws text through the character map alone.
/// </summary>
internal static class TrueTypeSubset
{
    private static readonly HashSet<string> Dropped = ["GPOS", "GSUB", "GDEF", "kern", "DSIG", "hdmx", "LTSH", "VDMX"];

    /// <summary>The font with only <paramref name="keep"/> (plus .notdef and the parts of kept composite glyphs) drawn.</summary>
    public static byte[] Build(byte[] font, IEnumerable<int> keep)
    {
        var tables = ReadTables(font);
        var head = Slice(font, tables["head"]).ToArray();
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(Slice(font, tables["maxp"])[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var (locaOffset, _) = tables["loca"];
        var glyf = Slice(font, tables["glyf"]);
        int Start(int g) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(locaOffset + 4 * g))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(locaOffset + 2 * g));

        var kept = new bool[numGlyphs];
        var pending = new Stack<int>(keep.Where(g => g > 0 && g < numGlyphs).Append(0));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (kept[g]) continue;
            kept[g] = true;
            var data = glyf[Start(g)..Start(g + 1)];
            if (data.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(data) < 0)
                foreach (var component in Components(data)) if (component < numGlyphs && !kept[component]) pending.Push(component);
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (numGlyphs + 1)];
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)newGlyf.Length);
            if (!kept[g]) continue;
            newGlyf.Write(glyf[Start(g)..Start(g + 1)]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * numGlyphs), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long loca offsets
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set below

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, range) in tables)
        {
            if (Dropped.Contains(tag)) continue;
            output[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "post" => PostWithoutNames(Slice(font, range)),
                _ => Slice(font, range).ToArray(),
            };
        }
        return Write(BinaryPrimitives.ReadUInt32BigEndian(font), output);
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTables(ReadOnlySpan<byte> font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        foreach (var required in new[] { "head", "maxp", "loca", "glyf" })
            if (!tables.ContainsKey(required)) throw new InvalidDataException($"Font without its '{required}' table (not TrueType outlines).");
        return tables;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> font, (int Offset, int Length) range) => font.Slice(range.Offset, range.Length);

    /// <summary>The glyph ids a composite glyph is made of.</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        const int ArgsAreWords = 0x0001, HaveScale = 0x0008, MoreComponents = 0x0020, XyScale = 0x0040, TwoByTwo = 0x0080;
        var result = new List<int>();
        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & XyScale) != 0 ? 4 : (flags & TwoByTwo) != 0 ? 8 : 0;
        } while ((flags & MoreComponents) != 0 && at + 4 <= glyph.Length);
        return result;
    }

    /// <summary>The 'post' table as version 3 (the same metrics, no glyph names).</summary>
    private static byte[] PostWithoutNames(ReadOnlySpan<byte> post)
    {
        var header = post[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00030000);
        return header;
    }

    private static byte[] Write(uint sfntVersion, SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = 16 * (1 << entrySelector);
        var size = 12 + 16 * count + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - searchRange));
        var offset = 12 + 16 * count;
        var headOffset = -1;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var record = span.Slice(12 + 16 * i++, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            data.CopyTo(span[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(span)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        return sum;
    }
}
