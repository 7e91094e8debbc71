using System.Net;
using System.Net.Sockets;

namespace ChangeOrchestrator.IntegrationTests.Support.Network;

/// <summary>
/// Forwards every connection made to a loopback port to another address, once started: before that the port refuses
/// connections as a server that is not up yet does.
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    public TcpForwarder(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;

        // A port that was free a moment ago; nothing listens on it until Start.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener = new TcpListener(IPAddress.Loopback, Port);
    }

    public int Port { get; }

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(stop);
                _ = ForwardAsync(client, stop);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, stop);
                var up = client.GetStream().CopyToAsync(server.GetStream(), stop);
                var down = server.GetStream().CopyToAsync(client.GetStream(), stop);
                await Task.WhenAny(up, down);
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or SocketException)
            {
                // Either side closed, or the forwarder stopped.
            }
        }
    }
}
