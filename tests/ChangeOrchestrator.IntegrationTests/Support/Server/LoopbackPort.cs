using System.Net;
using System.Net.Sockets;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>A free TCP port on the loopback interface, for the servers and endpoints a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
