using System.Buffers;
using System.Text;

namespace Portal.Monitoraggio.Validation;

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
/// The file holds a control character the format cannot carry (NUL and the other C0 controls but TAB; CR only before LF):
/// where (line, byte of the line from 1, offset in the file from 0) and which byte. Valid UTF-8, but not text of a feed
/// (PostgreSQL does not even store a NUL in text); a file full of 0x00 bytes is most often in UTF-16.
/// </summary>
public sealed class FeedControlCharacterException(int line, int byteInLine, long offset, byte value)
    : Exception($"Il file contiene un carattere di controllo che il tracciato non ammette: alla riga {line}, byte {byteInLine} della riga (posizione {offset} nel file) c'è il byte 0x{value:X2} " +
                (value switch { 0x00 => "(NUL)", 0x0D => "(CR, ritorno a capo non seguito da LF)", 0x1A => "(SUB, fine file DOS)", _ => $"(carattere di controllo U+{value:X4})" }) + ". " +
                (value == 0x00 ? "Un file con byte 0x00 è di solito salvato in UTF-16 (Unicode) invece che in UTF-8, oppure contiene dati binari. " : "") +
                "Nei campi è ammesso solo testo (la tabulazione compresa): togliere il carattere, salvare il file in UTF-8 e inviarlo di nuovo.")
{
    public int Line { get; } = line;
    public int ByteInLine { get; } = byteInLine;
    public long Offset { get; } = offset;
    public byte Value { get; } = value;
}

/// <summary>
/// Reads a feed line by line from a stream with one fixed buffer: the file is never held in memory and no line becomes
/// a string here (<see cref="Bytes"/> is a view of the buffer, valid until the next <see cref="NextAsync"/>). A line is
/// at most <see cref="FeedFormat.MaxLineBytes"/> long (a longer one is skipped to its end and reported as
/// <see cref="TooLong"/>). An optional UTF-8 BOM is dropped; LF or CRLF line ends.
/// </summary>
public sealed class FeedLineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1 << 16, FeedFormat.MaxLineBytes * 2));
    private int _start, _end, _lineStart, _lineLength;
    private long _bufferOffset; // file offset of _buffer[0]
    private bool _eof, _first = true, _done;

    /// <summary>Number of the current line, from 1.</summary>
    public int Number { get; private set; }

    /// <summary>Offset in the file of the current line's first byte.</summary>
    public long Offset { get; private set; }

    public bool TooLong { get; private set; }

    /// <summary>The current line's bytes, without BOM and line end (empty for a line that is <see cref="TooLong"/>).</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>The buffer <see cref="Bytes"/> is a view of, and where the current line starts in it.</summary>
    internal byte[] BufferForRow => _buffer;
    internal int BytesStart => _lineStart;

    public async ValueTask<bool> NextAsync(CancellationToken ct)
    {
        if (_done) return false;
        var skipping = false; // inside a line that is too long
        long skippingFrom = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0) newline += _start;
            if (newline < 0 && !_eof)
            {
                if (skipping)
                {
                    _bufferOffset += _end;
                    _start = _end = 0;
                }
                else if (_end - _start > FeedFormat.MaxLineBytes)
                {
                    skipping = true;
                    skippingFrom = _bufferOffset + _start;
                    _bufferOffset += _end;
                    _start = _end = 0;
                }
                else if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _bufferOffset += _start;
                    _end -= _start;
                    _start = 0;
                }
                var read = await stream.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), ct);
                if (read == 0) _eof = true;
                _end += read;
                continue;
            }
            var lineEnd = newline < 0 ? _end : newline;
            if (newline < 0 && _start == _end && !skipping)
            {
                _done = true;
                return false;
            }
            Number++;
            if (skipping)
            {
                Offset = skippingFrom;
                TooLong = true;
                _lineStart = _lineLength = 0;
            }
            else
            {
                var start = _start;
                var offset = _bufferOffset + start;
                var length = lineEnd - start;
                if (_first && length >= 3 && _buffer[start] == 0xEF && _buffer[start + 1] == 0xBB && _buffer[start + 2] == 0xBF)
                {
                    start += 3;
                    length -= 3;
                    offset += 3;
                }
                _first = false;
                if (length > 0 && _buffer[start + length - 1] == (byte)'\r') length--;
                Offset = offset;
                TooLong = length > FeedFormat.MaxLineBytes;
                _lineStart = start;
                _lineLength = TooLong ? 0 : length;
            }
            if (newline < 0) _done = true;
            else _start = newline + 1;
            return true;
        }
    }

    /// <summary>Throws <see cref="FeedEncodingException"/> at the first byte of the current line that is not UTF-8.</summary>
    public void ThrowEncoding()
    {
        var bytes = Bytes;
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
                throw new FeedEncodingException(Number, i + 1, Offset + i, bytes[i]);
            i += consumed;
        }
        throw new InvalidOperationException("La riga è in UTF-8 valido.");
    }

    /// <summary>The bytes no line of the format may hold: the C0 controls but TAB (LF ends the line, a CR before it is dropped).</summary>
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>Throws <see cref="FeedControlCharacterException"/> at the current line's first control character, if it has one.</summary>
    public void CheckControls()
    {
        var bytes = Bytes;
        var i = bytes.IndexOfAny(Controls);
        if (i >= 0) throw new FeedControlCharacterException(Number, i + 1, Offset + i, bytes[i]);
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
