using RestSharp;
using RestSharp.Authenticators;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

/// <summary>The simulators on loopback Kestrel, with RestSharp clients pointed at the ServiceNow instance's base URL.</summary>
public sealed class ServiceNowTestHost : IAsyncDisposable
{
    private readonly List<RestClient> _clients = [];

    private ServiceNowTestHost(SimulatorHost host)
    {
        Host = host;
        Admin = ClientFor("admin", "admin");
    }

    public SimulatorHost Host { get; }

    /// <summary>The instance base URL, http://127.0.0.1:port/sim/servicenow/.</summary>
    public Uri InstanceUrl => Host.Url("sim/servicenow/");

    public RestClient Admin { get; }

    /// <summary>Starts the host; simulated time runs 100000 times faster than real time unless settings say otherwise.</summary>
    public static async Task<ServiceNowTestHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    {
        var all = new Dictionary<string, string?> { ["Simulators:Clock:TimeScale"] = "100000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ServiceNowTestHost(await SimulatorHost.StartAsync(all, timeProvider));
    }

    public RestClient ClientFor(string userName, string password) =>
        Track(new RestClient(new RestClientOptions(InstanceUrl) { Authenticator = new HttpBasicAuthenticator(userName, password), FollowRedirects = false }));

    public RestClient Anonymous() => Track(new RestClient(new RestClientOptions(InstanceUrl) { FollowRedirects = false }));

    public RestClient WithBearer(string accessToken)
    {
        var client = Anonymous();
        client.AddDefaultHeader("Authorization", "Bearer " + accessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    private RestClient Track(RestClient client)
    {
        _clients.Add(client);
        return client;
    }
}
