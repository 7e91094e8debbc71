using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Webhooks.Support;

/// <summary>
/// The in-process server on a PostgreSQL database of its own with webhook secrets configured, and what the tests
/// read back: instances, journals and inbox rows straight from the database.
/// </summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    /// <summary>Waits on one approval, then on a second one for the same change: a delivery that resumed twice would complete it.</summary>
    public const string TwoApprovals = """
        {
          "id": "two-approvals",
          "name": "Two approvals of one change",
          "inputs": [ { "name": "change", "type": "string", "required": true } ],
          "activities": [
            { "id": "first", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
            { "id": "second", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } }
          ],
          "connections": [ { "from": "first", "outcome": "Received", "to": "second" } ]
        }
        """;

    private readonly PostgresTestDatabase _database;
    private readonly WorkflowFolder _workflows;

    private WebhookTestServer(PostgresTestDatabase database, WorkflowFolder workflows, TestServer server)
    {
        _database = database;
        _workflows = workflows;
        Server = server;
    }

    public TestServer Server { get; }

    /// <summary>A client without API key: webhooks authenticate by their own verification.</summary>
    public HttpClient Anonymous => _anonymous ??= Server.ClientWithKey(null);

    private HttpClient? _anonymous;

    public static async Task<WebhookTestServer> StartAsync(IDictionary<string, string?>? settings = null, params (string Id, string Json)[] workflows)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var folder = new WorkflowFolder().With("two-approvals", TwoApprovals);
        foreach (var (id, json) in workflows)
        {
            folder.With(id, json);
        }

        var all = new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Sandbox:Enabled"] = "false",
            ["Webhooks:Jira:Secrets:0"] = JiraDeliveries.OldSecret,
            ["Webhooks:Jira:Secrets:1"] = JiraDeliveries.NewSecret,
            ["Webhooks:ServiceNow:Secrets:0"] = ServiceNowDeliveries.OldSecret,
            ["Webhooks:ServiceNow:Secrets:1"] = ServiceNowDeliveries.NewSecret,
            ["Webhooks:Processing:PollInterval"] = "00:00:00.200",
        };
        // A null removes a default, e.g. a source's secret.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                all.Remove(key);
            }
            else
            {
                all[key] = value;
            }
        }

        try
        {
            return new WebhookTestServer(database, folder, await TestServer.StartAsync(folder.Path, all));
        }
        catch
        {
            await database.DisposeAsync();
            folder.Dispose();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => Server.Services.GetRequiredService<T>();

    public Task<WorkflowInstance> StartAsync(string definitionId, string change, string? instanceId = null) =>
        Get<WorkflowRuntime>().StartAsync(
            new StartWorkflowRequest { DefinitionId = definitionId, Input = new JsonObject { ["change"] = change }, InstanceId = instanceId },
            CancellationToken.None);

    public async Task<WorkflowInstance> InstanceAsync(string id) =>
        await Get<IWorkflowInstanceStore>().FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no instance {id}");

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        Get<IWorkflowInstanceStore>().GetJournalAsync(id, 0, int.MaxValue, CancellationToken.None);

    /// <summary>Activities of the instance that completed, in order.</summary>
    public async Task<List<string>> CompletedAsync(string id) =>
        [.. (await JournalAsync(id)).Where(e => e.Type == JournalEntryType.ActivityCompleted).Select(e => e.ActivityId!)];

    public async Task<List<WebhookInboxRow>> InboxAsync(string? source = null)
    {
        await using var db = await Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookInboxRow>().Where(w => source == null || w.Source == source).OrderBy(w => w.Id).ToListAsync();
    }

    /// <summary>Waits until no delivery of the inbox is pending any more.</summary>
    public Task<List<WebhookInboxRow>> SettledInboxAsync(int expectedRows, string? source = null) =>
        Eventually.WaitAsync(() => InboxAsync(source), rows => rows.Count >= expectedRows && rows.All(r => r.Status != WebhookInboxStatus.Pending));

    public async ValueTask DisposeAsync()
    {
        _anonymous?.Dispose();
        await Server.DisposeAsync();
        await _database.DisposeAsync();
        _workflows.Dispose();
    }
}
