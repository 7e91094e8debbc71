using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using static ChangeOrchestrator.IntegrationTests.Patching.Support.TestWorkflows;

namespace ChangeOrchestrator.IntegrationTests.Patching.ActivityEdge;

/// <summary>
/// A port's failure reaches the engine as the fault it was classified as where it was raised: permanent ones fail at
/// once despite a retry policy, transient ones are retried, and the incident names the connector's own cause.
/// </summary>
public sealed class PatchingActivityTests
{
    [Fact]
    public async Task ExecuteAsync_DeskRefusesPermanently_FaultsAtOnceQuotingTheDesk()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Chain("cancel", new TestStep("step", "CancelChangeRequest",
            new { desk = "jira", number = "ITOPS-999", reason = "Window missed" }, Retry: new { attempts = 3, backoff = "PT1M" })));

        var instance = await harness.StartAsync("cancel");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal("Jira answered 404 Not Found to GET issue: Issue does not exist or you do not have permission to see it.", instance.Incident!.Message);
        Assert.Equal(("step", 1, "ServiceDeskHttpException"), (instance.Incident.ActivityId, instance.Incident.Attempt, instance.Incident.ErrorType));
        var faulted = Assert.Single(await harness.JournalAsync(instance.Id), e => e.Type == JournalEntryType.ActivityFaulted);
        Assert.False(faulted.Data!["transient"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ExecuteAsync_FleetThrottledOnEveryCall_RetriesThenNamesTheSdkError()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(2).Select(n => n.InstanceId).ToList();
        await harness.Aws.PostAsync("faults/throttle", new { service = "SSM", operation = "DescribeInstanceInformation" });
        await harness.PublishAsync(Chain("agents", new TestStep("step", "CheckAgents", new { instanceIds = ids }, Retry: new { attempts = 2, backoff = "PT1M" })));

        var instance = await harness.StartAsync("agents");
        var retried = await harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        var after = await harness.InstanceAsync(instance.Id);
        var faults = (await harness.JournalAsync(instance.Id)).Where(e => e.Type == JournalEntryType.ActivityFaulted).ToList();
        Assert.Equal((InstanceStatus.Suspended, 1), (instance.Status, retried));
        Assert.Equal(InstanceStatus.Faulted, after.Status);
        Assert.Equal((2, "AmazonSimpleSystemsManagementException"), (after.Incident!.Attempt, after.Incident.ErrorType));
        Assert.StartsWith("SSM DescribeInstanceInformation failed with ThrottlingException", after.Incident.Message, StringComparison.Ordinal);
        Assert.Equal([true, true], faults.Select(f => f.Data!["transient"]!.GetValue<bool>()));
    }
}
