using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Notifications;

public sealed class NotifyTests
{
    private static readonly object Fields = new { change = "CHG0030001", patched = 12 };

    [Fact]
    public async Task Notify_JsonFormat_PostsTheMessageWithTheIdempotencyKey()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        await harness.PublishAsync(Workflow(new { url = webhook.Url + "/hooks/patching", title = "CHG0030001", text = "closed successful", fields = Fields }));

        var instance = await harness.StartAsync("notify");

        var request = Assert.Single(webhook.Requests);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(200, (await harness.OutputAsync(instance.Id, "step"))["statusCode"]!.GetValue<int>());
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/patching", request.Path);
        Assert.Equal($"{instance.Id}:step:0", request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("CHG0030001", body["title"]!.GetValue<string>());
        Assert.Equal("closed successful", body["text"]!.GetValue<string>());
        Assert.Equal(12, body["fields"]!["patched"]!.GetValue<int>());
        Assert.Equal(instance.Id, body["instanceId"]!.GetValue<string>());
        Assert.Equal("notify", body["workflow"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notify_SlackFormat_PostsBlocksWithTheFields()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        await harness.PublishAsync(Workflow(new { url = webhook.Url, title = "CHG0030001", text = "closed successful", fields = Fields, format = "slack" }));

        var instance = await harness.StartAsync("notify");

        var body = JsonNode.Parse(Assert.Single(webhook.Requests).Body)!;
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("CHG0030001: closed successful", body["text"]!.GetValue<string>());
        Assert.Equal(["header", "section", "section"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("CHG0030001", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(["*change*\nCHG0030001", "*patched*\n12"], blocks[2]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Notify_TeamsFormat_PostsAnAdaptiveCard()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        await harness.PublishAsync(Workflow(new { url = webhook.Url, title = "CHG0030001", text = "closed successful", fields = Fields, format = "teams" }));

        var instance = await harness.StartAsync("notify");

        var body = JsonNode.Parse(Assert.Single(webhook.Requests).Body)!;
        var card = body["attachments"]![0]!;
        var facts = card["content"]!["body"]![2]!["facts"]!.AsArray();
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", card["content"]!["type"]!.GetValue<string>());
        Assert.Equal(["change", "patched"], facts.Select(f => f!["title"]!.GetValue<string>()));
        Assert.Equal(["CHG0030001", "12"], facts.Select(f => f!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Notify_ServerErrorThenSuccess_RetriesPerThePolicyWithTheSameKey()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        var answered = 0;
        webhook.Respond = _ => Interlocked.Increment(ref answered) == 1 ? (503, "busy") : (200, "ok");
        await harness.PublishAsync(Workflow(new { url = webhook.Url, text = "done" }, retry: new { attempts = 3, backoff = "PT10S" }));

        var started = await harness.StartAsync("notify");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        var instance = await harness.InstanceAsync(started.Id);

        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, (await harness.OutputAsync(instance.Id, "step"))["attempts"]!.GetValue<int>());
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Single(webhook.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
    }

    [Fact]
    public async Task Notify_OptionalAndRetriesExhausted_ContinuesOnFailedWithoutLoggingTheSecret()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        webhook.Respond = _ => (503, "down");
        await harness.PublishAsync(Workflow(new { url = webhook.Url + "/hook?sig=s3cr3t-token", text = "done" }, retry: new { attempts = 2, backoff = "PT10S" }));

        var started = await harness.StartAsync("notify");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        var journal = await harness.JournalAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Failed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(503, output["statusCode"]!.GetValue<int>());
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Equal("?sig=s3cr3t-token", webhook.Requests[0].Query);
        Assert.DoesNotContain("s3cr3t", output.ToJsonString(), StringComparison.Ordinal);
        Assert.All(journal, e => Assert.DoesNotContain("s3cr3t", e.Message + e.Data?.ToJsonString(), StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Message?.Contains("answered 503", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Notify_RequiredAndRefused_FaultsWithoutRetrying()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        webhook.Respond = _ => (404, "no such hook");
        await harness.PublishAsync(Workflow(new { url = webhook.Url, text = "done", required = true }, retry: new { attempts = 3, backoff = "PT10S" }));

        var instance = await harness.StartAsync("notify");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("answered 404", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Single(webhook.Requests);
    }

    [Fact]
    public async Task Notify_UnreachableAndOptional_ContinuesOnFailed()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        var closed = webhook.Url;
        await webhook.DisposeAsync();
        await harness.PublishAsync(Workflow(new { url = closed, text = "done" }));

        var instance = await harness.StartAsync("notify");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("Failed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Null(output["statusCode"]);
        Assert.Contains("could not be reached", output["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NotAnHttpUrl_Faults()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        // Computed, as a literal ftp URL is refused when the workflow is published (the input's format is uri).
        await harness.PublishAsync(Workflow(new { url = new { js = "'ftp://example.com/hook'" }, text = "done" }));

        var instance = await harness.StartAsync("notify");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("absolute http(s) URL", instance.Incident!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NodeDiesBeforeTheCommit_ResendsWithTheSameIdempotencyKey()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        await harness.PublishAsync(Workflow(new { url = webhook.Url, text = "done" }));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("notify", instanceId: instanceId));
        await harness.RestartAsync();
        var instance = await harness.StartAsync("notify", instanceId: instanceId);

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Equal([$"{instanceId}:step:0"], webhook.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
    }

    private static string Workflow(object inputs, object? retry = null) =>
        TestWorkflows.Chain("notify", new TestStep("step", "Notify", inputs, Retry: retry));
}
