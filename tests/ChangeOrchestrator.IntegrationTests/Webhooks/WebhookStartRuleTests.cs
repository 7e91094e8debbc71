using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Webhooks;
using ChangeOrchestrator.Server.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>Start rules, and processing one stored delivery again (as after a crash before it was marked processed).</summary>
public sealed class WebhookStartRuleTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Webhooks:StartRules:0:Source"] = "jira",
        ["Webhooks:StartRules:0:Event"] = "jira:issue_created",
        ["Webhooks:StartRules:0:Match:0:Path"] = "issue.fields.customfield_10010.requestType.name",
        ["Webhooks:StartRules:0:Match:0:EqualTo"] = "Patch request",
        ["Webhooks:StartRules:0:DefinitionId"] = "two-approvals",
        ["Webhooks:StartRules:0:Input:change"] = "@changeKey",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MatchingIssueCreated_StartsOneInstancePerDelivery_OthersStartNone()
    {
        var identifier = Guid.NewGuid().ToString();
        using var patch = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-700", "Patch request"), JiraDeliveries.OldSecret, identifier));
        using var replay = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-700", "Patch request"), JiraDeliveries.OldSecret, identifier));
        using var other = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-701", "Get IT help"), JiraDeliveries.OldSecret));
        var rows = await _server.SettledInboxAsync(2);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted), (patch.StatusCode, replay.StatusCode, other.StatusCode));
        var started = await StartedAsync();
        var instance = Assert.Single(started);
        Assert.Equal(WebhookStartRules.InstanceId(rows[0].Id, 0), instance.Id);
        Assert.Equal("jira:ITOPS-700", instance.Input["change"]!.GetValue<string>());
        Assert.Equal("jira:ITOPS-700", instance.CorrelationId);
    }

    [Fact]
    public async Task ProcessingAStoredDeliveryAgain_ResumesAndStartsNothingTwice()
    {
        var waiting = await _server.StartAsync("two-approvals", "jira:ITOPS-702");
        using var created = await _server.Anonymous.SendAsync(JiraDeliveries.Request(Created("ITOPS-703", "Patch request"), JiraDeliveries.OldSecret));
        using var approved = await _server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-702"), JiraDeliveries.OldSecret));
        var rows = await _server.SettledInboxAsync(2);
        var processor = _server.Get<WebhookProcessor>();

        foreach (var row in rows)
        {
            var item = new WebhookInboxItem(row.Id, row.Source, row.Body!, row.Attempts + 1, row.ReceivedAt);
            await processor.ProcessAsync(item, processor.Read(item), CancellationToken.None);
        }

        Assert.Single(await StartedAsync());
        Assert.Single(await _server.JournalAsync(waiting.Id), e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Equal(InstanceStatus.Suspended, (await _server.InstanceAsync(waiting.Id)).Status);
    }

    private async Task<List<WorkflowInstance>> StartedAsync()
    {
        await using var db = await _server.Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var ids = await db.Set<InstanceRow>().Where(i => i.Id.StartsWith("webhook-")).Select(i => i.Id).ToListAsync();
        return [.. await Task.WhenAll(ids.Select(_server.InstanceAsync))];
    }

    private static string Created(string key, string requestType) => new JsonObject
    {
        ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = "jira:issue_created",
        ["issue_event_type_name"] = "issue_created",
        ["user"] = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21a", ["displayName"] = "Requester" },
        ["issue"] = new JsonObject
        {
            ["id"] = "10700",
            ["key"] = key,
            ["fields"] = new JsonObject
            {
                ["issuetype"] = new JsonObject { ["name"] = "Change" },
                ["customfield_10010"] = new JsonObject { ["requestType"] = new JsonObject { ["name"] = requestType } },
            },
        },
    }.ToJsonString();
}
