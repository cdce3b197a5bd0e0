using System.Text;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Tests;

/// <summary>A clean feed of N practices produced on the fly as it is read (nothing of it is held but the current line).</summary>
public sealed class GeneratedFeed(int lines, DateOnly rif, string ente = Feeds.Ente, string prefix = "G-") : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(FeedFormat.Header + "\n");
    private int _offset;
    private int _next = 1;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset == _pending.Length)
            {
                if (_next > lines) break;
                string[] stati = ["PRESENTATA", "IN_ISTRUTTORIA", "DELIBERATA", "EROGATA", "RESPINTA"];
                _pending = Encoding.UTF8.GetBytes(Feeds.Line(Feeds.Fields($"{prefix}{_next}", rif, ente, stati[_next % stati.Length])) + "\n");
                _offset = 0;
                _next++;
            }
            var n = Math.Min(count - written, _pending.Length - _offset);
            Buffer.BlockCopy(_pending, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
