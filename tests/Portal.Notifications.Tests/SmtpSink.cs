using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Portal.Notifications.Tests;

/// <summary>
/// A real SMTP server on a loopback port: Python's smtpd module from Debian's python3 (smtp_sink.py),
/// which writes each message it receives to a folder. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "portal-smtp-" + Guid.NewGuid().ToString("N")[..12]);

    public static string Python => Environment.GetEnvironmentVariable("PORTAL_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = new SmtpSink();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        var info = new ProcessStartInfo(Python, [Path.Combine(AppContext.BaseDirectory, "smtp_sink.py"), Port.ToString(), Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 non avviato");
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!process.HasExited) process.Kill(); } catch (InvalidOperationException) { } };
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "pronto")
            throw new InvalidOperationException($"Server SMTP di prova non avviato: {ready} {await process.StandardError.ReadToEndAsync()}");
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> ReceivedWithId(string messageIdLocalPart) =>
        Received().Where(m => m.MessageId?.StartsWith(messageIdLocalPart + "@", StringComparison.Ordinal) == true).ToList();

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string messageIdLocalPart, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = ReceivedWithId(messageIdLocalPart);
            if (found.Count > 0) return found;
            await Task.Delay(200);
        }
        return [];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
