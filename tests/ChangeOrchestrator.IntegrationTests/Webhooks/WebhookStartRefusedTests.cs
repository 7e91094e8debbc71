using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Webhooks;
using ChangeOrchestrator.Server.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>A start rule whose input breaks the workflow's contract: nothing starts, the delivery is refused with the reasons, and the refusal is audited.</summary>
public sealed class WebhookStartRefusedTests : IAsyncLifetime
{
    private const string Waves = """
        {
          "id": "waves",
          "name": "Waves of one change",
          "inputs": [
            { "name": "change", "type": "string", "required": true, "pattern": "^jira:ITOPS-[0-9]+$" },
            { "name": "waveSize", "type": "integer", "required": true, "minimum": 1, "maximum": 10 }
          ],
          "activities": [ { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } } ]
        }
        """;

    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["Webhooks:StartRules:0:Source"] = "jira",
            ["Webhooks:StartRules:0:Event"] = "jira:issue_created",
            ["Webhooks:StartRules:0:DefinitionId"] = "waves",
            ["Webhooks:StartRules:0:Input:change"] = "@changeKey",
            ["Webhooks:StartRules:0:Input:waveSize"] = "issue.fields.customfield_10020",
        },
        ("waves", Waves));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task StartRuleWithABadValue_StartsNothing_RecordsTheDeliveryRefusedWithReasons_AndAuditsIt()
    {
        using var delivery = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-810", waveSize: 50), JiraDeliveries.OldSecret));
        var row = Assert.Single(await _server.SettledInboxAsync(1));

        Assert.Equal(HttpStatusCode.Accepted, delivery.StatusCode);
        Assert.Equal(WebhookInboxStatus.Parked, row.Status);
        Assert.Contains("start rule 0 (waves) refused: input.waveSize: expected from 1 to 10, given 50", row.LastError, StringComparison.Ordinal);
        Assert.Empty(await StartedAsync());
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(("webhook:jira", "webhook", row.Id, 400), (audit.Actor, audit.ObjectType, audit.ObjectId, audit.Outcome));
        Assert.Contains("input.waveSize: expected from 1 to 10, given 50", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRuleWithGoodValues_StartsTheInstance_AndAuditsNoRefusal()
    {
        using var delivery = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-811", waveSize: 3), JiraDeliveries.OldSecret));
        var row = Assert.Single(await _server.SettledInboxAsync(1));

        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(3, Assert.Single(await StartedAsync()).Input["waveSize"]!.GetValue<int>());
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<WorkflowInstance>> StartedAsync()
    {
        await using var db = await _server.Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var ids = await db.Set<InstanceRow>().Where(i => i.Id.StartsWith("webhook-")).Select(i => i.Id).ToListAsync();
        return [.. await Task.WhenAll(ids.Select(_server.InstanceAsync))];
    }

    private async Task<List<AuditRow>> AuditAsync()
    {
        await using var db = await _server.Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Set<AuditRow>().Where(a => a.Action == WebhookStartRules.RefusedAction).ToListAsync();
    }

    private static string Created(string key, int waveSize) => new JsonObject
    {
        ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = "jira:issue_created",
        ["issue_event_type_name"] = "issue_created",
        ["user"] = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21a", ["displayName"] = "Requester" },
        ["issue"] = new JsonObject
        {
            ["id"] = "10810",
            ["key"] = key,
            ["fields"] = new JsonObject { ["issuetype"] = new JsonObject { ["name"] = "Change" }, ["customfield_10020"] = waveSize },
        },
    }.ToJsonString();
}
