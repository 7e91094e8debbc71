using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.IntegrationTests.Durability.Support;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// Both webhooks with the receiving node killed (SIGKILL) at each step between the durable 202 and the commit of the
/// resume: another node finds the delivery Pending and resumes the instance exactly once, counted from the journal.
/// The other faults on the same path are in <see cref="WebhookFaultTests"/>.
/// </summary>
public sealed class WebhookNodeKillTests : IAsyncLifetime
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
            instanceId = await StimulusDrill.StartInstanceAsync(drilled, DrillDeliveries.ChangeOf(source));
            await DrillDeliveries.DeliverAsync(drilled, source);
            Assert.True(await drilled.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"the drill did not kill the node:{System.Environment.NewLine}{drilled.Output}");
        }

        Assert.Equal(WebhookInboxStatus.Pending, Assert.Single(await _drill.InboxAsync()).Status);

        await using var survivor = await _drill.StartNodeAsync();
        var row = await DrillDeliveries.SettledAsync(_drill);

        var journal = string.Join(", ", (await _drill.Harness.JournalAsync(instanceId)).Select(e => $"{e.Sequence}:{e.Type}:{e.ActivityId}"));
        Assert.Equal(WebhookInboxStatus.Processed, row.Status);
        Assert.True(await _drill.ResumesAsync(instanceId) == 1, journal);
        Assert.True((await DrillDeliveries.CompletedAsync(_drill, instanceId)).SequenceEqual(["first"]), $"{journal}{System.Environment.NewLine}{survivor.Output}");
    }
}
