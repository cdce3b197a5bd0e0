using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Identity.Tests;

/// <summary>Serves an IdP metadata document over HTTP on loopback; the test changes its content or makes it fail.</summary>
public sealed class MetadataServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public string Content { get; set; } = "";
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public string Url { get; }

    public MetadataServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/metadata.xml";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            context.Response.StatusCode = (int)Status;
            var body = Encoding.UTF8.GetBytes(Status == HttpStatusCode.OK ? Content : "errore");
            context.Response.ContentType = "application/samlmetadata+xml";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
