using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Simulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RestSharp;
using RestSharp.Authenticators;

namespace ChangeOrchestrator.Connectors.Tests.ServiceDesk;

/// <summary>
/// The simulators on a loopback Kestrel port and the service desks registered by <c>AddServiceDesks</c> pointed at
/// them, as the server wires them; plus plain clients for the simulators' data and control APIs.
/// </summary>
public sealed class ServiceDeskTestHost : IAsyncDisposable
{
    public const string ServiceNowPassword = "admin";
    public const string JiraToken = "sim-orchestrator-token";

    private readonly List<RestClient> _clients = [];

    private ServiceDeskTestHost(SimulatorHost simulators, ServiceProvider services)
    {
        Simulators = simulators;
        Services = services;
        SnAdmin = Track(new RestClient(new RestClientOptions(Simulators.Url("sim/servicenow/")) { Authenticator = new HttpBasicAuthenticator("admin", ServiceNowPassword) }));
        SnControl = Track(new RestClient(new RestClientOptions(Simulators.Url("sim/servicenow/_control/"))));
        SnPages = Track(new RestClient(new RestClientOptions(Simulators.Url("sim/servicenow/")) { FollowRedirects = false }));
        JiraAgent = Track(new RestClient(new RestClientOptions(Simulators.Url("sim/jira/")) { Authenticator = new HttpBasicAuthenticator("orchestrator@example.com", JiraToken) }));
        JiraControl = Track(new RestClient(new RestClientOptions(Simulators.Url("sim/jira/_control/")) { FollowRedirects = false }));
    }

    public SimulatorHost Simulators { get; }

    public ServiceProvider Services { get; }

    public IServiceDesk ServiceNow => Services.GetRequiredService<IServiceDeskResolver>().Get("servicenow");

    public IServiceDesk Jira => Services.GetRequiredService<IServiceDeskResolver>().Get("jira");

    /// <summary>The ServiceNow instance as its administrator sees it through the Table API.</summary>
    public RestClient SnAdmin { get; }

    public RestClient SnControl { get; }

    /// <summary>A browser on the ServiceNow instance (the approval page).</summary>
    public RestClient SnPages { get; }

    /// <summary>The Jira site as the integration account sees it.</summary>
    public RestClient JiraAgent { get; }

    public RestClient JiraControl { get; }

    /// <summary>
    /// Starts the simulators (on <paramref name="simulatorTime"/> when given) and the desks with short backoff
    /// delays; <paramref name="deskSettings"/> override or add ServiceDesk:* keys ("{simulators}" stands for the
    /// simulators' base URL), a null value removes one.
    /// </summary>
    public static async Task<ServiceDeskTestHost> StartAsync(
        IDictionary<string, string?>? simulatorSettings = null,
        IDictionary<string, string?>? deskSettings = null,
        TimeProvider? deskTime = null,
        TimeProvider? simulatorTime = null)
    {
        var simulators = await SimulatorHost.StartAsync(simulatorSettings, simulatorTime);
        var settings = DefaultDeskSettings(simulators);
        foreach (var (key, value) in deskSettings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value.Replace("{simulators}", simulators.BaseAddress.ToString(), StringComparison.Ordinal);
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        if (deskTime is not null)
        {
            services.AddSingleton(deskTime);
        }

        services.AddServiceDesks(configuration);
        return new ServiceDeskTestHost(simulators, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public static ChangeRequestDraft Draft(string correlationId, ChangeType type = ChangeType.Normal) => new()
    {
        CorrelationId = correlationId,
        ShortDescription = "Monthly patching of the Dev patch group",
        Description = "Security updates for the Dev fleet.",
        Targets = ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"],
        Patches = ["KB5034441", "openssl-3.0.13-1"],
        Cves = ["CVE-2024-21413", "CVE-2024-0727"],
        Type = type,
        Risk = ChangeRisk.High,
        Impact = ChangeImpact.Low,
        PlannedStart = new DateTimeOffset(2025, 3, 1, 22, 0, 0, TimeSpan.Zero),
        PlannedEnd = new DateTimeOffset(2025, 3, 1, 23, 30, 0, TimeSpan.Zero),
        ImplementationPlan = "Patch in two waves of 50%.",
        BackoutPlan = "Restore the pre-patch snapshots.",
        TestPlan = "Rescan and run the smoke tests.",
    };

    public async Task<int> SnRequestCountAsync(string route)
    {
        var counts = await JsonAsync(SnControl, new RestRequest("requests"));
        return counts["counts"]?[route]?.GetValue<int>() ?? 0;
    }

    public async Task<int> JiraRequestCountAsync(string route)
    {
        var counts = await JsonAsync(JiraControl, new RestRequest("requests"));
        return counts["counts"]?[route]?.GetValue<int>() ?? 0;
    }

    /// <summary>Fails the next <paramref name="count"/> ServiceNow requests whose route contains <paramref name="route"/>.</summary>
    public Task SnFailNextAsync(int count, int status, string route, int? retryAfterSeconds = null, bool nonJsonBody = false) =>
        JsonAsync(SnControl, new RestRequest("faults/fail-next", Method.Post).AddJsonBody(new { count, status, route, retryAfterSeconds, nonJsonBody }));

    /// <summary>Fails the next <paramref name="count"/> Jira requests to <paramref name="route"/> (a route template) by <paramref name="method"/>.</summary>
    public Task JiraFailNextAsync(int count, int status, string method, string route, int? retryAfterSeconds = null, bool omitRateLimitHeaders = false) =>
        JsonAsync(JiraControl, new RestRequest("faults/rules", Method.Post).AddJsonBody(new { count, status, method, route, retryAfterSeconds, omitRateLimitHeaders }));

    /// <summary>Waits (real time, bounded) until the simulator has seen <paramref name="count"/> requests to the route.</summary>
    public async Task WaitForRequestsAsync(Func<Task<int>> counter, int count)
    {
        for (var i = 0; i < 1000 && await counter() < count; i++)
        {
            await Task.Delay(10);
        }
    }

    public static async Task<JsonNode> JsonAsync(RestClient client, RestRequest request)
    {
        var response = await client.ExecuteAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.Resource}: {(int)response.StatusCode} {response.Content}");
        return string.IsNullOrWhiteSpace(response.Content) ? new JsonObject() : JsonNode.Parse(response.Content)!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Simulators.DisposeAsync();
    }

    private static Dictionary<string, string?> DefaultDeskSettings(SimulatorHost simulators) => new()
    {
        ["ServiceDesk:ServiceNow:BaseUrl"] = simulators.Url("sim/servicenow").ToString(),
        ["ServiceDesk:ServiceNow:User"] = "admin",
        ["ServiceDesk:ServiceNow:Password"] = ServiceNowPassword,
        ["ServiceDesk:ServiceNow:AssignmentGroup"] = "Server Operations",
        ["ServiceDesk:ServiceNow:Resilience:MaxRetryAttempts"] = "3",
        ["ServiceDesk:ServiceNow:Resilience:BaseDelay"] = "00:00:00.005",
        ["ServiceDesk:ServiceNow:Resilience:MaxDelay"] = "00:00:00.020",
        ["ServiceDesk:Jira:BaseUrl"] = simulators.Url("sim/jira").ToString(),
        ["ServiceDesk:Jira:Email"] = "orchestrator@example.com",
        ["ServiceDesk:Jira:ApiToken"] = JiraToken,
        ["ServiceDesk:Jira:ProjectKey"] = "ITOPS",
        ["ServiceDesk:Jira:Resilience:MaxRetryAttempts"] = "3",
        ["ServiceDesk:Jira:Resilience:BaseDelay"] = "00:00:00.005",
        ["ServiceDesk:Jira:Resilience:MaxDelay"] = "00:00:00.020",
    };

    private RestClient Track(RestClient client)
    {
        _clients.Add(client);
        return client;
    }
}
