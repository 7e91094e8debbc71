using System.Net;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.IntegrationTests.Durability.Support;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// Both webhooks under a fault at each step between the durable 202 and the commit of the resume: a killed node, a
/// database that refuses the commit, processing cut by a shutdown, an instance held by another node. A delivery is
/// marked Processed only after its resume committed (or it had nothing to resume), so the journal shows exactly one
/// resume per delivery.
/// </summary>
public sealed class WebhookFaultTests : IAsyncLifetime
{
    private StimulusDrill _drill = null!;

    public static TheoryData<string, string> SourcesAndSteps()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in new[] { "servicenow", "jira" })
        {
            foreach (var point in new[] { FaultPoint.WebhookClaimed, FaultPoint.BeforeCommit, FaultPoint.AfterCommit, FaultPoint.WebhookProcessed })
            {
                data.Add(source, point);
            }
        }

        return data;
    }

    public async Task InitializeAsync() => _drill = await StimulusDrill.CreateAsync();

    public async Task DisposeAsync() => await _drill.DisposeAsync();

    [Theory]
    [MemberData(nameof(SourcesAndSteps))]
    public async Task Delivery_NodeKilledAtStep_AnotherNodeResumesExactlyOnce(string source, string point)
    {
        string instanceId;
        await using (var drilled = await _drill.StartNodeAsync(("FaultDrill__Point", point)))
        {
            instanceId = await StimulusDrill.StartInstanceAsync(drilled, ChangeOf(source));
            await DeliverAsync(drilled, source);
            Assert.True(await drilled.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"the drill did not kill the node:{System.Environment.NewLine}{drilled.Output}");
        }

        Assert.Equal(WebhookInboxStatus.Pending, Assert.Single(await _drill.InboxAsync()).Status);

        await using var survivor = await _drill.StartNodeAsync();
        var row = await SettledAsync();

        var journal = string.Join(", ", (await _drill.Harness.JournalAsync(instanceId)).Select(e => $"{e.Sequence}:{e.Type}:{e.ActivityId}"));
        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.True(await _drill.ResumesAsync(instanceId) == 1, journal);
        Assert.True((await CompletedAsync(instanceId)).SequenceEqual(["first"]), $"{journal}{System.Environment.NewLine}{survivor.Output}");
    }

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task Delivery_DatabaseRefusesTheCommit_RetriedAndResumedExactlyOnce(string source)
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, ChangeOf(source));
        await _drill.FailCommitsAsync();

        await DeliverAsync(node, source);
        var failed = await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.LastError is not null));
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await _drill.HealCommitsAsync();
        var row = await SettledAsync();

        Assert.True(Assert.Single(failed).LastError?.Contains("refuses the commit") == true, $"{Describe(failed)}{System.Environment.NewLine}{node.Output}");
        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task Delivery_ProcessingCutByShutdown_AnotherNodeResumesExactlyOnce(string source)
    {
        string instanceId;
        await using (var stopping = await _drill.StartNodeAsync(("FaultDrill__Point", FaultPoint.BeforeCommit), ("FaultDrill__Action", "Stall"), ("FaultDrill__Stall", "00:01:00")))
        {
            instanceId = await StimulusDrill.StartInstanceAsync(stopping, ChangeOf(source));
            await DeliverAsync(stopping, source);
            await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.ClaimedBy is not null));
            await stopping.TerminateAsync();
        }

        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await using var survivor = await _drill.StartNodeAsync();
        var row = await SettledAsync();

        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task Delivery_InstanceLeasedByAnotherNode_RetriedUntilFreeThenResumedExactlyOnce(string source)
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, ChangeOf(source));
        await _drill.LeaseElsewhereAsync(instanceId);

        await DeliverAsync(node, source);
        var busy = await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.LastError is not null));
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await _drill.ReleaseLeaseAsync(instanceId);
        var row = await SettledAsync();

        Assert.True(Assert.Single(busy).LastError?.Contains("another node") == true, $"{Describe(busy)}{System.Environment.NewLine}{node.Output}");
        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    private static string Describe(List<WebhookInboxRow> rows) =>
        string.Join("; ", rows.Select(r => $"{r.Status} attempts {r.Attempts} claimed by {r.ClaimedBy} until {r.ClaimedUntil:O} next {r.NextAttemptAt:O}: {r.LastError}"));

    private static string ChangeOf(string source) => source == "jira" ? "jira:ITOPS-77" : "servicenow:CHG0030077";

    private static async Task DeliverAsync(ServerProcess node, string source)
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = source == "jira"
            ? JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-77"), JiraDeliveries.OldSecret)
            : ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0030077"), ServiceNowDeliveries.OldSecret, deliveryId: "delivery-77");
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<WebhookInboxRow> SettledAsync() =>
        Assert.Single(await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.All(r => r.Status != WebhookInboxStatus.Pending)));

    private async Task<List<string?>> CompletedAsync(string instanceId) =>
        (await _drill.Harness.JournalAsync(instanceId)).Where(e => e.Type == JournalEntryType.ActivityCompleted).Select(e => e.ActivityId).ToList();
}
