using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Errors;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>A feed's bytes, stored in pieces of 64 kB while they arrive and read back as a stream, piece by piece.</summary>
public sealed class FlussoBlocchi(MonitoraggioDbContext db)
{
    /// <summary>Below the large object heap's threshold (85,000 bytes): a block read or written is short-lived garbage.</summary>
    public const int BlockSize = 64_000;

    /// <summary>Stores the content (inside the caller's unit of work); returns its length and SHA-256.</summary>
    public async Task<(long Length, string Sha256)> WriteAsync(Guid flussoId, Stream content, long maxBytes, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BlockSize];
        long total = 0;
        var seq = 0;
        while (true)
        {
            var filled = 0;
            while (filled < BlockSize)
            {
                var read = await content.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), ct);
                if (read == 0) break;
                filled += read;
            }
            if (filled == 0) break;
            total += filled;
            if (total > maxBytes)
                throw PortalException.Invalid("file", $"Il file supera la dimensione massima di {maxBytes / (1024 * 1024)} MB.");
            sha.AppendData(buffer, 0, filled);
            db.Blocchi.Add(new FlussoBlocco { FlussoId = flussoId, Seq = seq++, Data = buffer[..filled] });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (filled < BlockSize) break;
        }
        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public Stream Open(Guid flussoId) => new BlocchiStream(db, flussoId);

    /// <summary>Reads one block at a time: memory stays at one block whatever the size of the feed.</summary>
    private sealed class BlocchiStream(MonitoraggioDbContext db, Guid flussoId) : Stream
    {
        private byte[] _current = [];
        private int _position;
        private int _next;
        private bool _done;

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct = default)
        {
            if (_position == _current.Length)
            {
                if (_done) return 0;
                var seq = _next++;
                var block = await db.Blocchi.AsNoTracking().Where(b => b.FlussoId == flussoId && b.Seq == seq).Select(b => b.Data).FirstOrDefaultAsync(ct);
                if (block is null || block.Length == 0)
                {
                    _done = true;
                    return 0;
                }
                _current = block;
                _position = 0;
            }
            var n = Math.Min(destination.Length, _current.Length - _position);
            _current.AsMemory(_position, n).CopyTo(destination);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
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
}
