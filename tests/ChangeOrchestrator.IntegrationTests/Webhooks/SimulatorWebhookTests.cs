using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// End to end in the sandbox: the simulated desks' own webhooks, which the sandbox points at the server with generated
/// secrets, resume a waiting WaitForApproval. The poll interval is a day, so only a webhook can decide in time.
/// </summary>
public sealed partial class SimulatorWebhookTests : IAsyncLifetime
{
    private const string Workflow = """
        {
          "id": "approval",
          "name": "Raise and wait for approval",
          "inputs": [ { "name": "desk", "type": "string", "required": true } ],
          "activities": [
            { "id": "raise", "type": "RaiseChangeRequest", "inputs": {
                "desk": { "js": "input.desk" }, "shortDescription": "Monthly patching of the Dev patch group",
                "plannedStart": "2026-03-07T22:00:00Z", "plannedEnd": "2026-03-07T23:30:00Z" } },
            { "id": "wait", "type": "WaitForApproval", "inputs": {
                "desk": { "js": "steps.raise.desk" }, "number": { "js": "steps.raise.number" }, "pollInterval": "P1D" } }
          ],
          "connections": [ { "from": "raise", "to": "wait" } ]
        }
        """;

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("approval", Workflow);
    private PostgresTestDatabase _database = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _server = await TestServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task ApprovedOnTheSimulatedServiceNowApprovalPage_ResumesWaitForApprovalByWebhook()
    {
        var instanceId = await StartAsync("servicenow");
        var number = await NumberAsync(instanceId);

        // A normal change is approved twice in ServiceNow: at assessment, then by the CAB.
        await ApproveOnServiceNowPageAsync(number, "Peer review done");
        await ApproveOnServiceNowPageAsync(number, "CAB: go for Saturday");

        var output = await WaitOutputAsync(instanceId);
        Assert.Equal(("Completed", "approved", "event"), (output.Status, output.Decision, output.Source));
        var rows = await InboxAsync("servicenow");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEqual(WebhookInboxStatus.Rejected, r.Status));
    }

    [Fact]
    public async Task ApprovedInSimulatedJira_TransitionWebhookResumesWaitForApproval()
    {
        var instanceId = await StartAsync("jira");
        var key = await NumberAsync(instanceId);

        using var control = new HttpClient { BaseAddress = new Uri(_server.Client.BaseAddress!, "sim/jira/_control/") };
        using var approve = await control.PostAsync($"issues/{key}/approve", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync());

        var output = await WaitOutputAsync(instanceId);
        Assert.Equal(("Completed", "approved", "event"), (output.Status, output.Decision, output.Source));
        Assert.Contains(await InboxAsync("jira"), r => r.Status == WebhookInboxStatus.Processed && r.DedupeKey!.StartsWith("id:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JiraDeliveryWronglySignedThenDuplicated_IsRejectedOnceAndResumesTheInstanceOnce()
    {
        var instanceId = await StartAsync("jira");
        var key = await NumberAsync(instanceId);
        using var control = new HttpClient { BaseAddress = new Uri(_server.Client.BaseAddress!, "sim/jira/_control/") };

        // The next delivery goes out with a wrong signature, and a copy of it (same identifier, right signature) right after;
        // Jira then retries the refused one.
        using var armed = await control.PutAsync("webhook-faults", new StringContent("{\"wrongSignature\":1,\"duplicate\":1}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(armed.IsSuccessStatusCode, await armed.Content.ReadAsStringAsync());
        using var approve = await control.PostAsync($"issues/{key}/approve", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync());

        var output = await WaitOutputAsync(instanceId);
        var deliveries = await Eventually.WaitAsync(
            async () => JsonNode.Parse(await control.GetStringAsync("deliveries"))!.AsArray().OfType<JsonObject>().ToList(),
            list => list.Any(d => d["statusCode"]?.GetValue<int>() == 401) && list.Where(d => d["statusCode"]?.GetValue<int>() == 401)
                .All(refused => list.Any(d => d["identifier"]!.GetValue<string>() == refused["identifier"]!.GetValue<string>() && d["attempt"]!.GetValue<int>() > 1)));
        var rows = await InboxAsync("jira");

        Assert.Equal(("Completed", "approved", "event"), (output.Status, output.Decision, output.Source));
        var refused = Assert.Single(deliveries, d => d["statusCode"]?.GetValue<int>() == 401);
        var identifier = refused["identifier"]!.GetValue<string>();
        Assert.Contains(deliveries, d => d["identifier"]!.GetValue<string>() == identifier && d["statusCode"]?.GetValue<int>() == 202);
        Assert.Contains(deliveries, d => d["identifier"]!.GetValue<string>() == identifier && d["attempt"]!.GetValue<int>() > 1 && d["statusCode"]?.GetValue<int>() == 200);
        Assert.Single(rows, r => r.Status == WebhookInboxStatus.Rejected);
        Assert.Single(rows, r => r.DedupeKey == "id:" + identifier);
        var journal = await _server.GetJsonAsync($"/api/instances/{instanceId}/journal");
        Assert.Single(Entries(journal), e => e["type"]!.GetValue<string>() == nameof(JournalEntryType.ActivityResumed) && e["activityId"]!.GetValue<string>() == "wait");
    }

    private async Task<string> StartAsync(string desk)
    {
        var started = await _server.PostJsonAsync("/api/instances", new { definitionId = "approval", input = new { desk } }, HttpStatusCode.Created);
        var id = started["id"]!.GetValue<string>();
        var status = await Eventually.WaitAsync(async () => (await _server.GetJsonAsync($"/api/instances/{id}"))["status"]!.GetValue<string>(), s => s != "Running");
        Assert.Equal("Suspended", status);
        return id;
    }

    private async Task<string> NumberAsync(string instanceId)
    {
        var journal = await _server.GetJsonAsync($"/api/instances/{instanceId}/journal");
        var raised = Entries(journal).Single(e => e["type"]!.GetValue<string>() == nameof(JournalEntryType.ActivityCompleted) && e["activityId"]!.GetValue<string>() == "raise");
        return FindString(raised["data"], "number") ?? throw new InvalidOperationException("raise reported no number: " + raised.ToJsonString());
    }

    private async Task<(string Status, string? Decision, string? Source)> WaitOutputAsync(string instanceId)
    {
        var status = await Eventually.WaitAsync(async () => (await _server.GetJsonAsync($"/api/instances/{instanceId}"))["status"]!.GetValue<string>(), s => s is "Completed" or "Faulted");
        var journal = await _server.GetJsonAsync($"/api/instances/{instanceId}/journal");
        var waited = Entries(journal).LastOrDefault(e => e["type"]!.GetValue<string>() == nameof(JournalEntryType.ActivityCompleted) && e["activityId"]!.GetValue<string>() == "wait");
        return (status, FindString(waited?["data"], "decision"), FindString(waited?["data"], "source"));
    }

    private async Task ApproveOnServiceNowPageAsync(string number, string comment)
    {
        using var pages = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_server.Client.BaseAddress!, "sim/servicenow/") };
        pages.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var page = await pages.GetStringAsync("approve");
        var row = ApprovalRow().Matches(page).FirstOrDefault(m => m.Groups["number"].Value == number)
            ?? throw new InvalidOperationException($"{number} is not on the approval page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = comment });
        using var answer = await pages.PostAsync(row.Groups["action"].Value, form);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
    }

    private async Task<List<WebhookInboxRow>> InboxAsync(string source)
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookInboxRow>().Where(w => w.Source == source).ToListAsync();
    }

    private static IEnumerable<JsonNode> Entries(JsonNode journal) => journal["items"]!.AsArray().OfType<JsonNode>();

    /// <summary>The first string property of that name anywhere in the entry's data (outputs are nested by the journal format).</summary>
    private static string? FindString(JsonNode? node, string name) => node switch
    {
        JsonObject obj when obj[name] is JsonValue value && value.TryGetValue<string>(out var text) => text,
        JsonObject obj => obj.Select(p => FindString(p.Value, name)).FirstOrDefault(s => s is not null),
        JsonArray array => array.Select(n => FindString(n, name)).FirstOrDefault(s => s is not null),
        _ => null,
    };

    [GeneratedRegex("<tr data-number=\"(?<number>CHG\\d+)\">.*?action=\"(?<action>approve/[0-9a-f]{32})\"", RegexOptions.Singleline)]
    private static partial Regex ApprovalRow();
}
