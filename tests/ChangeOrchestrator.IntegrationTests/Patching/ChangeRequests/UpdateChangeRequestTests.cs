using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using static ChangeOrchestrator.IntegrationTests.Patching.Support.TestWorkflows;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class UpdateChangeRequestTests
{
    [Fact]
    public async Task UpdateChangeRequest_ScheduledServiceNowChange_MovesToImplementAndAddsTheWorkNote()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Chain("update", Raise("servicenow", "standard"), new TestStep("update", "UpdateChangeRequest", new
        {
            desk = "servicenow",
            number = Js("steps.raise.number"),
            workNote = "Wave 1 of 2 patched: 2 instances compliant",
            moveTo = "implement",
        })));

        var instance = await harness.StartAsync("update");

        var output = await harness.OutputAsync(instance.Id, "update");
        var record = await harness.Desks.ServiceNowChangeAsync("CHG0030001");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(("implementing", "Implement"), (output["state"]!.GetValue<string>(), output["deskState"]!.GetValue<string>()));
        Assert.Equal("-1", DeskSimulators.Value(record, "state"));
        Assert.StartsWith("Wave 1 of 2 patched: 2 instances compliant\n\n[change-orchestrator ref ", Assert.Single(await harness.Desks.ServiceNowWorkNotesAsync(DeskSimulators.Value(record, "sys_id"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateChangeRequest_DeskFailsAfterTheNote_RetryDoesNotWriteTheNoteTwice()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Chain("raise", Raise("jira", requestApproval: false)));
        var key = (await harness.OutputAsync((await harness.StartAsync("raise")).Id, "raise"))["number"]!.GetValue<string>();
        await harness.PublishAsync(Chain("note", new TestStep("step", "UpdateChangeRequest",
            new { desk = "jira", number = key, workNote = "Patching starts" }, Retry: new { attempts = 2, backoff = "PT1M" })));

        // The comment goes through; the read that follows fails on every attempt the connector makes (one and four retries).
        await harness.Desks.JiraFailNextAsync(count: 5, status: 503, method: "GET", route: "/rest/api/3/issue/{issueIdOrKey}");
        var instance = await harness.StartAsync("note");
        var retried = await harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        var after = await harness.InstanceAsync(instance.Id);
        var comments = (await harness.Desks.JiraIssueAsync(key, "comment"))["fields"]!["comment"]!["comments"]!.AsArray();
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Equal(1, retried);
        Assert.Equal(InstanceStatus.Completed, after.Status);
        Assert.Contains("\"text\":\"Patching starts\"", Assert.Single(comments)!["body"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, await harness.Desks.JiraRequestsAsync("POST /rest/api/3/issue/{issueIdOrKey}/comment"));
    }

    [Fact]
    public async Task UpdateChangeRequest_NoNoteAndNoMove_FaultsPermanently()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(OneStep("update", "UpdateChangeRequest", new { desk = "servicenow", number = "CHG0030001" }));

        var instance = await harness.StartAsync("update");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("work note", instance.Incident!.Message, StringComparison.Ordinal);
    }
}
