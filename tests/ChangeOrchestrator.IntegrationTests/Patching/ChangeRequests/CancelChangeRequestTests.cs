using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using static ChangeOrchestrator.IntegrationTests.Patching.Support.TestWorkflows;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class CancelChangeRequestTests
{
    private const string PatchRoute = "PATCH /api/now/table/change_request/{sys_id}";

    [Fact]
    public async Task CancelChangeRequest_OpenChangeTwice_CancelsOnceWithTheReason()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var cancel = new { desk = "servicenow", number = Js("steps.raise.number"), reason = "Approval rejected: not during the freeze" };
        await harness.PublishAsync(Chain("cancel", Raise("servicenow"), new TestStep("cancel", "CancelChangeRequest", cancel), new TestStep("again", "CancelChangeRequest", cancel)));
        var patchesBefore = await harness.Desks.ServiceNowRequestsAsync(PatchRoute);

        var instance = await harness.StartAsync("cancel");

        var record = await harness.Desks.ServiceNowChangeAsync("CHG0030001");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "again"));
        Assert.Equal("cancelled", (await harness.OutputAsync(instance.Id, "again"))["state"]!.GetValue<string>());
        Assert.Equal("4", DeskSimulators.Value(record, "state"));
        Assert.Contains("not during the freeze", record.ToJsonString(), StringComparison.Ordinal);

        // Raising submits the change for approval (one update); cancelling is the only other one.
        Assert.Equal(patchesBefore + 2, await harness.Desks.ServiceNowRequestsAsync(PatchRoute));
    }

    [Fact]
    public async Task CancelChangeRequest_ClosedChange_ContinuesOnAlreadyClosed()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Chain("cancel",
            Raise("servicenow", "standard"),
            new TestStep("close", "CloseChangeRequest", new { desk = "servicenow", number = Js("steps.raise.number"), outcome = "successful", closeNotes = "Done" }),
            new TestStep("cancel", "CancelChangeRequest", new { desk = "servicenow", number = Js("steps.raise.number"), reason = "Too late" })));

        var instance = await harness.StartAsync("cancel");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("AlreadyClosed", await harness.OutcomeAsync(instance.Id, "cancel"));
        Assert.Equal("3", DeskSimulators.Value(await harness.Desks.ServiceNowChangeAsync("CHG0030001"), "state"));
    }
}
