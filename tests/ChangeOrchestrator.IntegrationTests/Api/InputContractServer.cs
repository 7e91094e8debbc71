using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Api;

/// <summary>
/// The server with every shipped workflow, on PostgreSQL, its connectors talking to the simulators over HTTP, and a
/// patch group that a baseline declares but no server carries. The fleet's patch groups are read once here (as the
/// first start form would), so the tests can hold the simulators to zero calls while starts are refused.
/// </summary>
public sealed class InputContractServer : IAsyncLifetime
{
    public const string EmptyGroup = "EmptyGroup";

    public static readonly string[] Workflows = ["patch-change", "scheduled-scan", "rolling-waves", "approval-demo"];

    public PatchChangeServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        Server = await PatchChangeServer.StartAsync(fleetSize: 40, workflowIds: Workflows);
        await Server.Aws.DeclarePatchGroupAsync(EmptyGroup);
        using var warm = await Client.GetAsync("/api/definitions/patch-change");
        if (warm.StatusCode != HttpStatusCode.OK)
        {
            // Say what the server answered and which definitions it holds, so a failure here shows its cause.
            using var list = await Client.GetAsync("/api/definitions");
            Assert.Fail($"GET /api/definitions/patch-change on {Client.BaseAddress}: {warm.StatusCode} {await warm.Content.ReadAsStringAsync()}; "
                + $"GET /api/definitions: {list.StatusCode} {await list.Content.ReadAsStringAsync()}");
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Every call the simulated ServiceNow, Jira, SSM and EC2 received, and every instance stored.</summary>
    public async Task<(long Desks, long Aws, int Instances)> EffectsAsync()
    {
        var instances = 0;
        foreach (var id in Workflows)
        {
            var page = await Client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionId={id}&limit=500");
            instances += page!["items"]!.AsArray().Count;
        }

        return (await Server.Desks.TotalRequestsAsync(), await Server.Aws.TotalCallsAsync(), instances);
    }

    /// <summary>Starts through the API and returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> StartAsync(string definitionId, JsonObject input)
    {
        using var response = await Client.PostAsJsonAsync("/api/instances", new JsonObject { ["definitionId"] = definitionId, ["input"] = input });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Inputs each shipped workflow accepts; a test breaks one of them.</summary>
    public static JsonObject ValidInput(string definitionId) => definitionId switch
    {
        "patch-change" => PatchChangeServer.ChangeInput("servicenow", "Prod", []),
        "rolling-waves" => new JsonObject { ["targets"] = new JsonArray("a", "b", "c"), ["waveSize"] = 2, ["soak"] = "PT1S" },
        "approval-demo" => new JsonObject { ["changeKey"] = "servicenow:CHG0030001" },
        "scheduled-scan" => new JsonObject { ["patchGroups"] = new JsonArray("Prod") },
        _ => throw new ArgumentOutOfRangeException(nameof(definitionId), definitionId, null),
    };
}
