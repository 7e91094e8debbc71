using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// The durable ack: a server process killed with SIGKILL right after answering 202, before it processed the delivery,
/// loses nothing; the restarted server resumes the waiting instance, exactly once.
/// </summary>
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("two-approvals", WebhookTestServer.TwoApprovals);
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Kill_RightAfterThe202_RestartedServerResumesTheInstanceExactlyOnce()
    {
        string instanceId;

        // Receive-only: this node stores and acknowledges but never processes, so the kill surely comes first.
        var node = await ServerProcess.StartAsync(Environment(processing: false));
        try
        {
            instanceId = await StartAsync(node, "jira:ITOPS-500");
            using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
            using var response = await anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-500"), JiraDeliveries.OldSecret));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        finally
        {
            node.Kill();
            await node.DisposeAsync();
        }

        await using var harness = new PersistenceHarness(_database);
        var beforeRestart = await InboxAsync(harness);
        Assert.Equal((WebhookInboxStatus.Pending, 0), (Assert.Single(beforeRestart).Status, beforeRestart[0].Attempts));
        Assert.DoesNotContain(await harness.JournalAsync(instanceId), e => e.Type == JournalEntryType.ActivityResumed);

        await using var restarted = await ServerProcess.StartAsync(Environment(processing: true));
        var rows = await Eventually.WaitAsync(() => InboxAsync(harness), r => r.All(x => x.Status != WebhookInboxStatus.Pending));

        Assert.Equal(WebhookInboxStatus.Processed, Assert.Single(rows).Status);
        var journal = await harness.JournalAsync(instanceId);
        Assert.Single(journal, e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Equal(["first"], journal.Where(e => e.Type == JournalEntryType.ActivityCompleted).Select(e => e.ActivityId));
        Assert.Equal(InstanceStatus.Suspended, (await harness.InstanceAsync(instanceId)).Status);
    }

    private static async Task<List<WebhookInboxRow>> InboxAsync(PersistenceHarness harness)
    {
        await using var db = await harness.DbAsync();
        return await db.Set<WebhookInboxRow>().ToListAsync();
    }

    private static async Task<string> StartAsync(ServerProcess node, string change)
    {
        using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "two-approvals", input = new { change } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private Dictionary<string, string> Environment(bool processing) => new()
    {
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Workflows__Folder"] = _workflows.Path,
        ["Sandbox__Enabled"] = "false",
        ["Webhooks__Jira__Secrets__0"] = JiraDeliveries.OldSecret,
        ["Webhooks__Processing__Enabled"] = processing ? "true" : "false",
        ["Webhooks__Processing__PollInterval"] = "00:00:00.200",
        ["Engine__InstanceLeaseDuration"] = "00:00:02",
    };
}
