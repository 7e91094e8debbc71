using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.IntegrationTests.Durability.Support;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// Both webhooks under a fault between the durable 202 and the commit of the resume: a database that refuses the
/// commit, processing cut by a shutdown, an instance held by another node (a killed node is in
/// <see cref="WebhookNodeKillTests"/>). A delivery is marked Processed only after its resume committed (or it had
/// nothing to resume), so the journal shows exactly one resume per delivery.
/// </summary>
public sealed class WebhookFaultTests : IAsyncLifetime
{
    private StimulusDrill _drill = null!;

    public async Task InitializeAsync() => _drill = await StimulusDrill.CreateAsync();

    public async Task DisposeAsync() => await _drill.DisposeAsync();

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task Delivery_DatabaseRefusesTheCommit_RetriedAndResumedExactlyOnce(string source)
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, DrillDeliveries.ChangeOf(source));
        await _drill.FailCommitsAsync();

        await DrillDeliveries.DeliverAsync(node, source);
        var failed = await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.LastError is not null));
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await _drill.HealCommitsAsync();
        var row = await DrillDeliveries.SettledAsync(_drill);

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
            instanceId = await StimulusDrill.StartInstanceAsync(stopping, DrillDeliveries.ChangeOf(source));
            await DrillDeliveries.DeliverAsync(stopping, source);
            await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.ClaimedBy is not null));
            await stopping.TerminateAsync();
        }

        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await using var survivor = await _drill.StartNodeAsync();
        var row = await DrillDeliveries.SettledAsync(_drill);

        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task Delivery_InstanceLeasedByAnotherNode_RetriedUntilFreeThenResumedExactlyOnce(string source)
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, DrillDeliveries.ChangeOf(source));
        await _drill.LeaseElsewhereAsync(instanceId);

        await DrillDeliveries.DeliverAsync(node, source);
        var busy = await Eventually.WaitAsync(_drill.InboxAsync, rows => rows.Any(r => r.LastError is not null));
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await _drill.ReleaseLeaseAsync(instanceId);
        var row = await DrillDeliveries.SettledAsync(_drill);

        Assert.True(Assert.Single(busy).LastError?.Contains("another node") == true, $"{Describe(busy)}{System.Environment.NewLine}{node.Output}");
        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    private static string Describe(List<WebhookInboxRow> rows) =>
        string.Join("; ", rows.Select(r => $"{r.Status} attempts {r.Attempts} claimed by {r.ClaimedBy} until {r.ClaimedUntil:O} next {r.NextAttemptAt:O}: {r.LastError}"));
}
