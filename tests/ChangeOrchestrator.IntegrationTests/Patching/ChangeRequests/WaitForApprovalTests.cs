using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class WaitForApprovalTests
{
    private const string Workflow = """
        {
          "id": "approval",
          "name": "Raise and wait for approval",
          "inputs": [ { "name": "desk", "type": "string", "required": true } ],
          "activities": [
            { "id": "raise", "type": "RaiseChangeRequest", "inputs": {
                "desk": { "js": "input.desk" }, "shortDescription": "Monthly patching of the Dev patch group",
                "plannedStart": "2026-03-07T22:00:00Z", "plannedEnd": "2026-03-07T23:30:00Z" } },
            { "id": "wait", "type": "WaitForApproval", "inputs": {
                "desk": { "js": "steps.raise.desk" }, "number": { "js": "steps.raise.number" }, "pollInterval": "PT5M", "timeout": "PT1H" } }
          ],
          "connections": [ { "from": "raise", "to": "wait" } ]
        }
        """;

    [Fact]
    public async Task WaitForApproval_ApprovedOnTheApprovalPageThenEvent_ContinuesOnApprovedWithoutPolling()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "servicenow" });
        var bookmarks = await harness.BookmarksAsync(instance.Id);

        // A normal change is approved twice in ServiceNow: at assessment, then by the CAB.
        await harness.Desks.ServiceNowApprovalPageAsync("CHG0030001", "approve", "Peer review done");
        await harness.Desks.ServiceNowApprovalPageAsync("CHG0030001", "approve", "CAB: go for Saturday");
        var raised = await harness.RaiseAsync("approval", "servicenow:CHG0030001",
            new JsonObject { ["decision"] = "approved", ["by"] = "Abel Tuter", ["comment"] = "CAB: go for Saturday" });

        var after = await harness.InstanceAsync(instance.Id);
        var output = await harness.OutputAsync(instance.Id, "wait");
        var record = await harness.Desks.ServiceNowChangeAsync("CHG0030001");
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Contains(bookmarks, b => b.Bookmark is { Kind: "approval", Key: "servicenow:CHG0030001" });
        Assert.Contains(bookmarks, b => b.Bookmark.DueAt == harness.Time.GetUtcNow().AddMinutes(5));
        Assert.Equal(1, raised.Resumed);
        Assert.Equal(InstanceStatus.Completed, after.Status);
        Assert.Equal("Approved", await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Equal(("approved", "event"), (output["decision"]!.GetValue<string>(), output["source"]!.GetValue<string>()));

        // Who decided and why come from the desk's approval records (both approvals fell on the same instant here),
        // not from what the event claimed.
        Assert.Contains(output["decidedBy"]!.GetValue<string>(), new[] { "Beth Anglin", "Abel Tuter" });
        Assert.Contains(output["comment"]!.GetValue<string>(), new[] { "Peer review done", "CAB: go for Saturday" });
        Assert.Equal(0, output["polls"]!.GetValue<int>());
        Assert.Equal(("approved", "-2"), (DeskSimulators.Value(record, "approval"), DeskSimulators.Value(record, "state")));
    }

    [Fact]
    public async Task WaitForApproval_ApprovedInJiraWithoutEvent_PollFindsTheDecision()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "jira" });
        var key = (await harness.OutputAsync(instance.Id, "raise"))["number"]!.GetValue<string>();

        await harness.Desks.JiraDecideAsync(key, approve: true);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(4));
        var beforeThePoll = await harness.InstanceAsync(instance.Id);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        var after = await harness.InstanceAsync(instance.Id);
        var output = await harness.OutputAsync(instance.Id, "wait");
        Assert.Equal(InstanceStatus.Suspended, beforeThePoll.Status);
        Assert.Equal(InstanceStatus.Completed, after.Status);
        Assert.Equal("Approved", await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Equal(("desk", "Alex Approver"), (output["source"]!.GetValue<string>(), output["decidedBy"]!.GetValue<string>()));
        Assert.Equal(1, output["polls"]!.GetValue<int>());
        Assert.Empty(await harness.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task WaitForApproval_RejectedInServiceNowWithoutEvent_PollContinuesOnRejected()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "servicenow" });

        await harness.Desks.ServiceNowDecideAsync("CHG0030001", approve: false, "Not during the freeze");
        await harness.AdvanceAsync(TimeSpan.FromMinutes(5));

        var output = await harness.OutputAsync(instance.Id, "wait");
        Assert.Equal("Rejected", await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Equal(("rejected", "desk"), (output["decision"]!.GetValue<string>(), output["source"]!.GetValue<string>()));
        Assert.Equal("Not during the freeze", output["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForApproval_RejectedInJiraThenEvent_ContinuesOnRejected()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "jira" });
        var raise = await harness.OutputAsync(instance.Id, "raise");
        var key = raise["key"]!.GetValue<string>();

        await harness.Desks.JiraDecideAsync(raise["number"]!.GetValue<string>(), approve: false);
        await harness.RaiseAsync("approval", key, new JsonObject { ["decision"] = "rejected", ["by"] = "Alex Approver", ["comment"] = "Too risky" });

        var output = await harness.OutputAsync(instance.Id, "wait");
        Assert.Equal("Rejected", await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Equal(("event", "Too risky"), (output["source"]!.GetValue<string>(), output["comment"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WaitForApproval_ApprovedEventTheDeskDoesNotShow_KeepsWaiting()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "servicenow" });

        var raised = await harness.RaiseAsync("approval", "servicenow:CHG0030001", new JsonObject { ["decision"] = "approved", ["by"] = "Mallory" });

        var journal = await harness.JournalAsync(instance.Id);
        Assert.Equal(1, raised.Resumed);
        Assert.Equal(InstanceStatus.Suspended, (await harness.InstanceAsync(instance.Id)).Status);
        Assert.Null(await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Contains(journal, e => e.Message?.Contains("desk shows no decision yet", StringComparison.Ordinal) == true);
        Assert.Contains(await harness.BookmarksAsync(instance.Id), b => b.Bookmark is { Kind: "approval", Key: "servicenow:CHG0030001" });
    }

    [Fact]
    public async Task WaitForApproval_EventWithoutDecision_ReadsTheDeskAndKeepsWaiting()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "servicenow" });
        var reads = await harness.Desks.ServiceNowRequestsAsync("GET /api/now/table/change_request");

        await harness.RaiseAsync("approval", "servicenow:CHG0030001", new JsonObject { ["state"] = "updated" });

        Assert.Equal(InstanceStatus.Suspended, (await harness.InstanceAsync(instance.Id)).Status);
        Assert.True(await harness.Desks.ServiceNowRequestsAsync("GET /api/now/table/change_request") > reads);
        Assert.Contains(await harness.BookmarksAsync(instance.Id), b => b.Bookmark is { Kind: "approval", Key: "servicenow:CHG0030001" });
    }

    [Fact]
    public async Task WaitForApproval_NoDecisionWithinTheTimeout_ContinuesOnTimedOut()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow);
        var instance = await harness.StartAsync("approval", new JsonObject { ["desk"] = "servicenow" });

        // Every 7 minutes the poll due since the 5th fires; at 63 minutes the one-hour timeout is due first.
        for (var i = 0; i < 9; i++)
        {
            await harness.AdvanceAsync(TimeSpan.FromMinutes(7));
        }

        var output = await harness.OutputAsync(instance.Id, "wait");
        Assert.Equal(InstanceStatus.Completed, (await harness.InstanceAsync(instance.Id)).Status);
        Assert.Equal("TimedOut", await harness.OutcomeAsync(instance.Id, "wait"));
        Assert.Equal("pending", output["decision"]!.GetValue<string>());
        Assert.Equal(8, output["polls"]!.GetValue<int>());
    }
}
