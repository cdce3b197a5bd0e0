using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The temporary files in which <see cref="PostgresPraticheSink"/> spools rows for a later COPY: created in the temp folder,
/// held open exclusively (FileShare.None: an advisory lock on Linux) and deleted when closed. A node killed mid-apply
/// cannot delete its own: <see cref="DeleteOrphans"/> removes those that no process holds any more.
/// </summary>
internal static class SpoolFiles
{
    private const string Prefix = "portal-flusso-";
    private const string Extension = ".copy";

    public static FileStream Create(string? directory = null) =>
        new(Path.Combine(directory ?? Path.GetTempPath(), $"{Prefix}{Guid.NewGuid():N}{Extension}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 12, FileOptions.DeleteOnClose);

    /// <summary>Deletes the spool files of <paramref name="directory"/> that no process has open; returns how many.</summary>
    public static int DeleteOrphans(string directory)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(directory, $"{Prefix}*{Extension}"))
        {
            try
            {
                // Opening it exclusively succeeds only if its node is gone; closing it deletes it.
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                deleted++;
            }
            catch (IOException) { } // held by a node that is applying a feed (or already gone)
            catch (UnauthorizedAccessException) { } // another user's
        }
        return deleted;
    }
}

/// <summary>At start, removes the spool files left in the temp folder by a node that was killed while applying a feed.</summary>
internal sealed class SpoolCleanup(ILogger<SpoolCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var deleted = SpoolFiles.DeleteOrphans(Path.GetTempPath());
        if (deleted > 0)
            logger.LogInformation("Eliminati {Count} file temporari di flussi lasciati da un'elaborazione interrotta.", deleted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
