using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Webhooks;

/// <summary>Deliveries to a webhook seeded from configuration (as if registered in the admin UI).</summary>
public sealed class JiraWebhookDeliveryTests
{
    private const string Secret = "seeded-secret";

    [Fact]
    public async Task Delivery_ReceiverFailsTwice_RetriesWithTheSameIdentifierAndARetryCount()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        receiver.FailNext(2, 500);

        await site.CreateChangeAsync();

        var hooks = await receiver.WaitForAsync(r => r.Count >= 3, "two failed attempts and a delivery");
        Assert.Single(hooks.Select(h => h.Header("X-Atlassian-Webhook-Identifier")).Distinct());
        Assert.Equal([null, "1", "2"], hooks.Select(h => h.Header("X-Atlassian-Webhook-Retry")).ToList());
        Assert.Equal([500, 500, 200], hooks.Select(h => h.AnsweredStatus).ToList());
        Assert.All(hooks, h => Assert.True(h.HasValidSignature(Secret)));
        var deliveries = await DeliveriesAsync(site, d => d.Count >= 3);
        Assert.Equal(["failed", "failed", "delivered"], deliveries.Select(d => d!["outcome"]!.GetValue<string>()).ToList());
        Assert.Equal([1, 2, 3], deliveries.Select(d => d!["attempt"]!.GetValue<int>()).ToList());
    }

    [Fact]
    public async Task Delivery_ReceiverKeepsFailing_StopsAfterMaxAttempts()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver, new Dictionary<string, string?> { ["Simulators:Jira:WebhookDelivery:MaxAttempts"] = "2" });
        receiver.FailNext(100, 503);

        var first = await site.CreateChangeAsync("first");
        await receiver.WaitForAsync(r => r.Count >= 2, "both attempts of the first delivery");
        receiver.FailNext(0, 503);
        var second = await site.CreateChangeAsync("second");

        // Deliveries leave in order, so once the second change's event has arrived every retry of the first has been sent.
        var hooks = await receiver.WaitForAsync(r => r.Any(h => h.Json["issue"]!["key"]!.GetValue<string>() == second), "the second change");
        Assert.Equal(2, hooks.Count(h => h.Json["issue"]!["key"]!.GetValue<string>() == first));
    }

    [Fact]
    public async Task Delivery_DuplicateFault_SendsTheSameDeliveryTwice()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        await site.Control.SendJsonAsync(Method.Put, "webhook-faults", new JsonObject { ["duplicate"] = 1 });

        await site.CreateChangeAsync();

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "the duplicated delivery");
        Assert.Equal(hooks[0].Header("X-Atlassian-Webhook-Identifier"), hooks[1].Header("X-Atlassian-Webhook-Identifier"));
        Assert.Equal(hooks[0].Body, hooks[1].Body);
    }

    [Fact]
    public async Task Delivery_SignatureFaults_SendWrongThenMissingSignature()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        await site.Control.SendJsonAsync(Method.Put, "webhook-faults", new JsonObject { ["wrongSignature"] = 1 });
        await site.CreateChangeAsync("wrong");
        await receiver.WaitForAsync(r => r.Count >= 1, "the wrongly signed delivery");
        await site.Control.SendJsonAsync(Method.Put, "webhook-faults", new JsonObject { ["missingSignature"] = 1 });
        await site.CreateChangeAsync("missing");
        await receiver.WaitForAsync(r => r.Count >= 2, "the unsigned delivery");
        await site.CreateChangeAsync("right");

        var hooks = await receiver.WaitForAsync(r => r.Count >= 3, "the correctly signed delivery");
        Assert.StartsWith("sha256=", hooks[0].Header("X-Hub-Signature"));
        Assert.False(hooks[0].HasValidSignature(Secret));
        Assert.Null(hooks[1].Header("X-Hub-Signature"));
        Assert.True(hooks[2].HasValidSignature(Secret));
    }

    [Fact]
    public async Task Delivery_DropFault_LosesOneDeliveryAndRecordsIt()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        await site.Control.SendJsonAsync(Method.Put, "webhook-faults", new JsonObject { ["drop"] = 1 });

        var dropped = await site.CreateChangeAsync("dropped");
        var delivered = await site.CreateChangeAsync("delivered");

        var hooks = await receiver.WaitForAsync(r => r.Count >= 1, "the delivery after the dropped one");
        Assert.Equal(delivered, hooks[0].Json["issue"]!["key"]!.GetValue<string>());
        var deliveries = await DeliveriesAsync(site, d => d.Count >= 2);
        Assert.Equal("dropped", deliveries[0]!["outcome"]!.GetValue<string>());
        Assert.Equal(dropped, deliveries[0]!["issueKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_OutOfOrderFault_SwapsTwoDeliveries()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        await site.Control.SendJsonAsync(Method.Put, "webhook-faults", new JsonObject { ["outOfOrder"] = 1 });

        var key = await site.CreateChangeAsync();
        await site.TransitionAsync(key, "Request approval");

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "both deliveries");
        Assert.Equal(["jira:issue_updated", "jira:issue_created"], hooks.Select(h => h.Json["webhookEvent"]!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Delivery_WebhookJqlFilter_SkipsIssuesOutsideIt()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver, new Dictionary<string, string?> { ["Simulators:Jira:Webhooks:0:Jql"] = "labels = orchestrated" });

        await site.CreateChangeAsync("not orchestrated");
        var key = await site.CreateChangeAsync("orchestrated", new JsonObject { ["labels"] = new JsonArray("orchestrated") });

        // In-order delivery: had the first change matched, its event would have arrived first.
        var hooks = await receiver.WaitForAsync(r => r.Count >= 1, "the orchestrated change");
        Assert.Equal(key, hooks[0].Json["issue"]!["key"]!.GetValue<string>());
        Assert.Null(hooks[0].Json["matchedWebhookIds"]);
    }

    [Fact]
    public async Task Delivery_CommentAdded_SendsIssueCommentedAndCommentCreatedWithTextBodies()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver, new Dictionary<string, string?>
        {
            ["Simulators:Jira:Webhooks:0:Events:0"] = "jira:issue_updated",
            ["Simulators:Jira:Webhooks:0:Events:1"] = "comment_created",
        });
        var key = await site.CreateChangeAsync();

        await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", new JsonObject { ["body"] = Adf.Doc("Wave 1 of 3 done.") });

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "the comment events");
        var updated = hooks[0].Json;
        Assert.Equal("issue_commented", updated["issue_event_type_name"]!.GetValue<string>());
        Assert.Equal("Wave 1 of 3 done.", updated["comment"]!["body"]!.GetValue<string>());
        Assert.Equal("Monthly patching of the Dev patch group.", updated["issue"]!["fields"]!["description"]!.GetValue<string>());
        Assert.Equal("comment_created", hooks[1].Json["webhookEvent"]!.GetValue<string>());
        Assert.Equal(key, hooks[1].Json["issue"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_FieldEdited_SendsIssueUpdatedWithFieldChangelog()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await StartAsync(receiver);
        var key = await site.CreateChangeAsync();

        await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}", new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Renamed" } });

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "created and updated");
        var updated = hooks[1].Json;
        Assert.Equal("issue_updated", updated["issue_event_type_name"]!.GetValue<string>());
        var item = Assert.Single(updated["changelog"]!["items"]!.AsArray())!;
        Assert.Equal("summary", item["fieldId"]!.GetValue<string>());
        Assert.Equal("jira", item["fieldtype"]!.GetValue<string>());
        Assert.Equal("Patch Dev fleet", item["fromString"]!.GetValue<string>());
        Assert.Equal("Renamed", item["toString"]!.GetValue<string>());
    }

    private static Task<JiraTestSite> StartAsync(JiraWebhookReceiver receiver, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Jira:Webhooks:0:Name"] = "orchestrator",
            ["Simulators:Jira:Webhooks:0:Url"] = receiver.Url("jira"),
            ["Simulators:Jira:Webhooks:0:Secret"] = Secret,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return JiraTestSite.StartAsync(settings);
    }

    private static async Task<JsonArray> DeliveriesAsync(JiraTestSite site, Func<JsonArray, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var deliveries = (await site.Control.ExecuteAsync(new RestRequest("deliveries"))).Json().AsArray();
            if (done(deliveries) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return deliveries;
            }

            await Task.Delay(20);
        }
    }
}
