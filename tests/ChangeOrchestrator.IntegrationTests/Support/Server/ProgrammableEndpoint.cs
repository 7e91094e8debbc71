using System.Net;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>
/// An HTTP endpoint on a loopback port whose status the test sets, and which counts the requests it got. It answers
/// only under a path of its own: a port freed by an earlier test can be handed to it while a client of that test (a
/// webhook dispatcher retrying, a server still shutting down) still calls the port, and those calls must not count.
/// </summary>
public sealed class ProgrammableEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _requests;

    public ProgrammableEndpoint()
    {
        Url = $"http://127.0.0.1:{LoopbackPort.Free()}/{Guid.NewGuid():N}/";

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public int Requests => Volatile.Read(ref _requests);

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
                Interlocked.Increment(ref _requests);
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
