using System.Data;
using System.Data.Common;
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

    /// <summary>Blocks saved together: one round trip per megabyte instead of one per block.</summary>
    private const int BlocksPerSave = 16;

    /// <summary>Stores the content (inside the caller's unit of work); returns its length and SHA-256.</summary>
    public async Task<(long Length, string Sha256)> WriteAsync(Guid flussoId, Stream content, long maxBytes, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        var seq = 0;
        var pending = 0;
        // The blocks of one save are reused for the next: once saved and untracked nothing refers to them.
        var buffers = new byte[BlocksPerSave][];
        while (true)
        {
            var buffer = buffers[pending] ??= new byte[BlockSize];
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
            db.Blocchi.Add(new FlussoBlocco { FlussoId = flussoId, Seq = seq++, Data = filled == BlockSize ? buffer : buffer[..filled] });
            if (++pending == BlocksPerSave)
            {
                await SaveAsync(ct);
                pending = 0;
            }
            if (filled < BlockSize) break;
        }
        if (pending > 0) await SaveAsync(ct);
        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public Stream Open(Guid flussoId) => new BlocchiStream(db, flussoId);

    /// <summary>
    /// Reads the blocks in order with one query in sequential access: each block's bytes are copied straight from the
    /// connection into the reader's buffer, so memory stays at the connection's own buffer whatever the size of the feed.
    /// </summary>
    private sealed class BlocchiStream(MonitoraggioDbContext db, Guid flussoId) : Stream
    {
        private DbCommand? _command;
        private DbDataReader? _reader;
        private Stream? _block;
        private bool _done;

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct = default)
        {
            while (!_done)
            {
                if (_block is null)
                {
                    if (_reader is null)
                    {
                        await db.Database.OpenConnectionAsync(ct);
                        _command = db.Blocchi.AsNoTracking().Where(b => b.FlussoId == flussoId).OrderBy(b => b.Seq).Select(b => b.Data).CreateDbCommand();
                        _reader = await _command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                    }
                    if (!await _reader.ReadAsync(ct))
                    {
                        _done = true;
                        break;
                    }
                    _block = _reader.GetStream(0);
                }
                var n = await _block.ReadAsync(destination, ct);
                if (n > 0) return n;
                await _block.DisposeAsync();
                _block = null;
            }
            return 0;
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

        public override async ValueTask DisposeAsync()
        {
            if (_block is not null) await _block.DisposeAsync();
            if (_reader is not null) await _reader.DisposeAsync();
            if (_command is not null)
            {
                await _command.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
            _block = null;
            _reader = null;
            _command = null;
            GC.SuppressFinalize(this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
            base.Dispose(disposing);
        }
    }
}
