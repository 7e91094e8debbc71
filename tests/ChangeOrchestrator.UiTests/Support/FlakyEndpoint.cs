using System.Net;
using System.Net.Sockets;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>An HTTP endpoint on a loopback port that answers the status the test sets: the outside system an incident blames.</summary>
public sealed class FlakyEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FlakyEndpoint()
    {
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.ServiceUnavailable;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                context.Response.StatusCode = (int)Status;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
