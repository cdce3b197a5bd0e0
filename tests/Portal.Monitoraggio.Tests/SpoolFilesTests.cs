using Microsoft.Extensions.DependencyInjection;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Tests;

/// <summary>The spool files of a node killed mid-apply (PostgresPraticheSink's COPY rows) are removed at the next start, and only those.</summary>
public class SpoolFilesTests
{
    [Fact]
    public void Only_the_spool_files_no_process_holds_are_deleted()
    {
        var directory = Directory.CreateTempSubdirectory("portal-spool-test-").FullName;
        try
        {
            // A file left by a killed node: written and closed without being deleted.
            var orphan = Path.Combine(directory, $"portal-flusso-{Guid.NewGuid():N}.copy");
            File.WriteAllBytes(orphan, [1, 2, 3]);
            var other = Path.Combine(directory, "altro.copy");
            File.WriteAllBytes(other, [1]);
            // A file of a node that is applying a feed right now.
            using var held = SpoolFiles.Create(directory);
            held.Write([4, 5, 6]);

            Assert.Equal(1, SpoolFiles.DeleteOrphans(directory));

            Assert.False(File.Exists(orphan));
            Assert.True(File.Exists(held.Name));
            Assert.True(File.Exists(other));
            held.Position = 0;
            Assert.Equal(4, held.ReadByte());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_node_deletes_the_orphaned_spool_files_of_the_temp_folder_when_it_starts()
    {
        var orphan = Path.Combine(Path.GetTempPath(), $"portal-flusso-{Guid.NewGuid():N}.copy");
        await File.WriteAllBytesAsync(orphan, [1, 2, 3]);
        try
        {
            using var database = TestDatabase.Create();
            using var node = PortalFactory.Create(database, new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false" });
            _ = node.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(); // starts the host and its hosted services

            Assert.False(File.Exists(orphan), "il file temporaneo di un'elaborazione interrotta è rimasto dopo l'avvio del nodo");
        }
        finally
        {
            File.Delete(orphan);
        }
    }
}
