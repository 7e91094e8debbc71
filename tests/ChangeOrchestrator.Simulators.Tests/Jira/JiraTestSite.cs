using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RestSharp;
using RestSharp.Authenticators;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>The simulators on a loopback port, with RestSharp clients for the built-in Jira accounts.</summary>
public sealed class JiraTestSite : IAsyncDisposable
{
    public const string OrchestratorEmail = "orchestrator@example.com";
    public const string OrchestratorToken = "sim-orchestrator-token";
    public const string ApproverEmail = "approver@example.com";
    public const string ApproverToken = "sim-approver-token";
    public const string ViewerEmail = "viewer@example.com";
    public const string ViewerToken = "sim-viewer-token";
    public const string ApproverAccountId = "5b10a2844c20165700ede21b";

    private readonly List<RestClient> _clients = [];

    private JiraTestSite(SimulatorHost host)
    {
        Host = host;
        BaseUrl = host.Url("sim/jira/");
        Orchestrator = Client(OrchestratorEmail, OrchestratorToken);
        Approver = Client(ApproverEmail, ApproverToken);
        Viewer = Client(ViewerEmail, ViewerToken);
        Anonymous = Track(new RestClient(new RestClientOptions(BaseUrl)));
        Control = Track(new RestClient(new RestClientOptions(new Uri(BaseUrl, "_control/"))));
    }

    public SimulatorHost Host { get; }

    public Uri BaseUrl { get; }

    public RestClient Orchestrator { get; }

    public RestClient Approver { get; }

    public RestClient Viewer { get; }

    public RestClient Anonymous { get; }

    public RestClient Control { get; }

    /// <summary>Starts the site; a huge time scale makes simulated waits (webhook retry backoff) instant.</summary>
    public static async Task<JiraTestSite> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    {
        var all = new Dictionary<string, string?> { ["Simulators:Clock:TimeScale"] = "1000000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new JiraTestSite(await SimulatorHost.StartAsync(all, timeProvider));
    }

    public RestClient Client(string email, string token, bool followRedirects = true) =>
        Track(new RestClient(new RestClientOptions(BaseUrl) { Authenticator = new HttpBasicAuthenticator(email, token), FollowRedirects = followRedirects }));

    public RestClient Bearer(string token, bool gateway)
    {
        var url = gateway ? new Uri(BaseUrl, "ex/jira/7c8e0f4a-3b1d-4c2e-9f6a-5d4b3a2c1e0f/") : BaseUrl;
        return Track(new RestClient(new RestClientOptions(url) { Authenticator = new JwtAuthenticator(token) }));
    }

    public RestClient NoRedirects() => Track(new RestClient(new RestClientOptions(BaseUrl) { FollowRedirects = false }));

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Creates a Normal change and returns its key.</summary>
    public async Task<string> CreateChangeAsync(string summary = "Patch Dev fleet", JsonObject? extraFields = null)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = "ITOPS" },
            ["issuetype"] = new JsonObject { ["name"] = "Change" },
            ["summary"] = summary,
            ["description"] = Adf.Doc("Monthly patching of the Dev patch group."),
            ["customfield_10005"] = new JsonObject { ["value"] = "Normal" },
            ["customfield_10006"] = new JsonObject { ["value"] = "Low" },
            ["customfield_10008"] = "2025-03-01T22:00:00.000+0000",
            ["customfield_10009"] = "2025-03-01T23:00:00.000+0000",
        };
        foreach (var (key, value) in extraFields ?? [])
        {
            fields[key] = value?.DeepClone();
        }

        var response = await Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", new JsonObject { ["fields"] = fields });
        Assert.Equal(201, (int)response.StatusCode);
        return response.Json()["key"]!.GetValue<string>();
    }

    public async Task<string> StatusOfAsync(string key)
    {
        var response = await Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=status"));
        return response.Json()["fields"]!["status"]!["name"]!.GetValue<string>();
    }

    /// <summary>Runs the transition with this name, looked up from the current transitions as connectors must.</summary>
    public async Task<RestResponse> TransitionAsync(string key, string name, JsonObject? extra = null, RestClient? client = null)
    {
        client ??= Orchestrator;
        var list = await client.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions"));
        var transition = list.Json()["transitions"]!.AsArray().FirstOrDefault(t => t!["name"]!.GetValue<string>() == name);
        Assert.True(transition is not null, $"{name} is not available on {key}: {list.Content}");
        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = transition!["id"]!.GetValue<string>() } };
        foreach (var (k, v) in extra ?? [])
        {
            body[k] = v?.DeepClone();
        }

        return await client.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/transitions", body);
    }

    public async Task<int> RequestCountAsync(string route)
    {
        var counts = (await Control.ExecuteAsync(new RestRequest("requests"))).Json()["counts"]!.AsObject();
        return counts.TryGetPropertyValue(route, out var count) ? count!.GetValue<int>() : 0;
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
