using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Testing;

/// <summary>
/// The built portal (src/Portal.Web) started as a real process on a free loopback port, on the given
/// database. Used where an in-process host is not enough: several nodes, a real browser.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    private PortalProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(RepoPaths.Root, "src", "Portal.Web", "bin", configuration, "net10.0", "Portal.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Portale non compilato: {dll}");
        }
    }

    public static async Task<PortalProcess> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null,
        string environment = "Testing", TimeSpan? startTimeout = null, int? port = null)
    {
        // A caller that must know the address before the start (e.g. for the SAML SP's BaseUrl) picks the port.
        port ??= FreePort();
        var info = new ProcessStartInfo("dotnet", [HostDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", "Portal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (k, v) in TestHostSettings.For(database, settings))
            info.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        // If the test run ends without disposing (crash, timeout), the portal must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitReadyAsync(startTimeout ?? TimeSpan.FromSeconds(120));
        return portal;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Il portale è terminato all'avvio (codice {_process.ExitCode}):\n{Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Il portale non è pronto dopo {timeout.TotalSeconds} s:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
