using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Portal.Monitoraggio.Validation;

/// <summary>One line of a feed: its number (from 1), where it starts in the file, its text (without LF/CRLF).</summary>
/// <param name="TooLong">Longer than <see cref="FeedFormat.MaxLineBytes"/>: its text is not kept.</param>
public readonly record struct FeedLine(int Number, long Offset, string Text, bool TooLong);

/// <summary>The file is not UTF-8: where (line, byte of the line from 1, offset in the file from 0) and which byte.</summary>
public sealed class FeedEncodingException(int line, int byteInLine, long offset, byte value)
    : Exception($"Il file non è in codifica UTF-8: alla riga {line}, byte {byteInLine} della riga (posizione {offset} nel file) c'è il byte 0x{value:X2}, " +
                (value >= 0xA0 || value is 0x80 or 0x8A or 0x8C or 0x8E or 0x92 or 0x93 or 0x94 or 0x96 or 0x9A or 0x9C or 0x9E
                    ? $"che in Latin-1/Windows-1252 è «{Encoding.Latin1.GetString([value]).Replace("\u0080", "€")}»: il file sembra salvato in Latin-1 o Windows-1252. "
                    : "che non è valido in UTF-8. ") +
                "Salvare il file in UTF-8 e inviarlo di nuovo.")
{
    public int Line { get; } = line;
    public int ByteInLine { get; } = byteInLine;
    public long Offset { get; } = offset;
    public byte Value { get; } = value;
}

/// <summary>
/// Reads a feed line by line from a stream with a fixed buffer: the file is never held in memory, a line is at most
/// <see cref="FeedFormat.MaxLineBytes"/> long (a longer one is skipped to its end and reported). UTF-8 only, with
/// an optional BOM; LF or CRLF line ends.
/// </summary>
public static class FeedLineReader
{
    private static readonly UTF8Encoding Utf8Strict = new(false, true);

    public static async IAsyncEnumerable<FeedLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1 << 16, FeedFormat.MaxLineBytes * 2));
        try
        {
            int start = 0, end = 0, number = 0;
            long bufferOffset = 0; // file offset of buffer[0]
            var eof = false;
            var skipping = false; // inside a line that is too long
            long skippingFrom = 0;
            var first = true;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0 && !eof)
                {
                    if (skipping)
                    {
                        bufferOffset += end;
                        start = end = 0;
                    }
                    else if (end - start > FeedFormat.MaxLineBytes)
                    {
                        skipping = true;
                        skippingFrom = bufferOffset + start;
                        bufferOffset += end;
                        start = end = 0;
                    }
                    else if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        bufferOffset += start;
                        end -= start;
                        start = 0;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(end, buffer.Length - end), ct);
                    if (read == 0) eof = true;
                    end += read;
                    continue;
                }
                var lineEnd = newline < 0 ? end : newline;
                if (newline < 0 && start == end && !skipping) yield break;
                number++;
                if (skipping)
                {
                    skipping = false;
                    yield return new FeedLine(number, skippingFrom, "", true);
                }
                else
                {
                    var offset = bufferOffset + start;
                    var length = lineEnd - start;
                    if (first && length >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
                    {
                        start += 3;
                        length -= 3;
                        offset += 3;
                    }
                    first = false;
                    if (length > 0 && buffer[start + length - 1] == (byte)'\r') length--;
                    if (length > FeedFormat.MaxLineBytes)
                        yield return new FeedLine(number, offset, "", true);
                    else
                        yield return new FeedLine(number, offset, Decode(buffer.AsSpan(start, length), number, offset), false);
                }
                if (newline < 0) yield break;
                start = newline + 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, int line, long offset)
    {
        if (!Utf8.IsValid(bytes))
        {
            var i = 0;
            while (i < bytes.Length)
            {
                if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                    throw new FeedEncodingException(line, i + 1, offset + i, bytes[i]);
                i += consumed;
            }
        }
        return Utf8Strict.GetString(bytes);
    }
}
