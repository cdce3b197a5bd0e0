namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// What reading one workbook has consumed so far: uncompressed bytes of the parts and characters of text kept.
/// Past a limit of <see cref="XlsxLimits"/> it throws <see cref="XlsxRefusedException"/>.
/// </summary>
internal sealed class XlsxBudget
{
    private long _bytes;
    private long _textChars;

    public void AddBytes(int count)
    {
        _bytes += count;
        if (_bytes > XlsxLimits.MaxExpandedBytes) throw new XlsxRefusedException(XlsxRefusal.Unreadable(XlsxRefusal.Expanded));
    }

    public void AddText(int chars)
    {
        _textChars += chars;
        if (_textChars > XlsxLimits.MaxTextChars) throw new XlsxRefusedException(XlsxRefusal.TooMuchText());
    }
}

/// <summary>
/// A part's stream that charges every byte read to the workbook's <see cref="XlsxBudget"/>, and refuses more bytes
/// than the zip entry declared (a header lying about its size).
/// </summary>
internal sealed class BudgetedStream(Stream inner, XlsxBudget budget, long? declaredLength) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Charge(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Charge(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Charge(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Charge(int read)
    {
        _read += read;
        if (_read > declaredLength)
            throw new XlsxRefusedException(XlsxRefusal.Unreadable("il contenuto compresso del file è anomalo (dimensioni dichiarate non corrispondenti)"));
        budget.AddBytes(read);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
