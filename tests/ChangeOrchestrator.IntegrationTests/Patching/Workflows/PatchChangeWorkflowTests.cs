using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>The activities composed as a patch change: each step reads what the ones before it produced.</summary>
public sealed class PatchChangeWorkflowTests
{
    private const string Workflow = """
        {
          "id": "patch-change",
          "name": "Patch change",
          "inputs": [
            { "name": "patchGroup", "type": "string", "required": true },
            { "name": "instanceIds", "type": "array", "required": true }
          ],
          "activities": [
            { "id": "targets", "type": "ResolveTargets", "inputs": { "patchGroups": { "js": "[input.patchGroup]" }, "instanceIds": { "js": "input.instanceIds" } } },
            { "id": "agents", "type": "CheckAgents", "inputs": { "instanceIds": { "js": "steps.targets.instanceIds" } } },
            { "id": "scan", "type": "ScanForMissingPatches", "inputs": { "instanceIds": { "js": "steps.agents.onlineIds" } } },
            { "id": "raise", "type": "RaiseChangeRequest", "inputs": {
                "desk": "servicenow",
                "shortDescription": { "js": "`Patching of ${steps.agents.onlineCount} ${input.patchGroup} servers`" },
                "targets": { "js": "steps.agents.onlineIds" }, "patches": { "js": "steps.scan.patchIds" }, "cves": { "js": "steps.scan.cveIds" },
                "plannedStart": "2026-03-07T22:00:00Z", "plannedEnd": "2026-03-07T23:30:00Z",
                "backoutPlan": "Restore the root volumes from the pre-change snapshots." } },
            { "id": "approval", "type": "WaitForApproval", "inputs": { "desk": "servicenow", "number": { "js": "steps.raise.number" }, "timeout": "P2D" } },
            { "id": "snapshot", "type": "SnapshotInstances", "inputs": { "instanceIds": { "js": "steps.agents.onlineIds" }, "changeNumber": { "js": "steps.raise.number" } } },
            { "id": "implement", "type": "UpdateChangeRequest", "inputs": {
                "desk": "servicenow", "number": { "js": "steps.raise.number" }, "moveTo": "implement",
                "workNote": { "js": "`${steps.snapshot.snapshotIds.length} snapshots taken; patching starts`" } } },
            { "id": "patch", "type": "PatchInstances", "inputs": { "instanceIds": { "js": "steps.agents.onlineIds" }, "maxConcurrency": "50%", "maxErrors": "100%", "failureThreshold": "0" } },
            { "id": "close", "type": "CloseChangeRequest", "inputs": {
                "desk": "servicenow", "number": { "js": "steps.raise.number" },
                "outcome": { "js": "steps.patch.failedCount === 0 ? 'successful' : 'unsuccessful'" },
                "closeNotes": { "js": "`${steps.patch.succeededCount} of ${steps.patch.targetCount} servers patched`" },
                "evidence": { "js": "({ offline: steps.agents.offlineIds, missing: steps.scan.totalMissing, cves: steps.scan.cveIds, patched: steps.patch.instances })" } } },
            { "id": "cancel", "type": "CancelChangeRequest", "inputs": { "desk": "servicenow", "number": { "js": "steps.raise.number" }, "reason": "Not approved" } }
          ],
          "connections": [
            { "from": "targets", "to": "agents" },
            { "from": "agents", "outcome": "AllOnline", "to": "scan" },
            { "from": "agents", "outcome": "SomeOffline", "to": "scan" },
            { "from": "scan", "to": "raise" },
            { "from": "raise", "to": "approval" },
            { "from": "approval", "outcome": "Approved", "to": "snapshot" },
            { "from": "approval", "outcome": "Rejected", "to": "cancel" },
            { "from": "approval", "outcome": "TimedOut", "to": "cancel" },
            { "from": "snapshot", "to": "implement" },
            { "from": "implement", "to": "patch" },
            { "from": "patch", "outcome": "Succeeded", "to": "close" },
            { "from": "patch", "outcome": "PartiallyFailed", "to": "close" },
            { "from": "patch", "outcome": "Failed", "to": "close" }
          ]
        }
        """;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task PatchChange_ApprovedOnTheApprovalPage_RunsToAClosedSuccessfulChange()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var dev = (await harness.Aws.OnlineNodesAsync("&patchGroup=Dev")).Where(n => !n.Hybrid && n.VolumeIds.Count > 0).Take(3).ToList();
        var online = dev.Take(2).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("agents", new { instanceIds = new[] { dev[2].InstanceId }, pingStatus = "ConnectionLost" });
        await harness.PublishAsync(Workflow);

        var started = await harness.StartAsync("patch-change", new JsonObject
        {
            ["patchGroup"] = "Dev",
            ["instanceIds"] = new JsonArray([.. dev.Select(n => (JsonNode)n.InstanceId)]),
        });
        var waiting = await harness.RunUntilWaitingForAsync(started.Id, "approval", Step);
        await harness.Desks.ServiceNowApprovalPageAsync("CHG0030001", "approve", "Peer review done");
        await harness.Desks.ServiceNowApprovalPageAsync("CHG0030001", "approve", "CAB: go");
        await harness.RaiseAsync("approval", "servicenow:CHG0030001", new JsonObject { ["decision"] = "approved", ["by"] = "Abel Tuter" });
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var record = await harness.Desks.ServiceNowChangeAsync("CHG0030001");
        var scan = await harness.OutputAsync(instance.Id, "scan");
        var attachments = await harness.Desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
        Assert.Contains(waiting, b => b.Bookmark.Key == "servicenow:CHG0030001");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("SomeOffline", await harness.OutcomeAsync(instance.Id, "agents"));
        Assert.Equal("Succeeded", await harness.OutcomeAsync(instance.Id, "patch"));
        Assert.Equal(("3", "successful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Equal("2 of 2 servers patched", DeskSimulators.Value(record, "close_notes"));
        Assert.Equal("Patching of 2 Dev servers", DeskSimulators.Value(record, "short_description"));
        var description = DeskSimulators.Value(record, "description");
        Assert.All(online, id => Assert.Contains("- " + id, description, StringComparison.Ordinal));
        Assert.DoesNotContain(dev[2].InstanceId, description, StringComparison.Ordinal);
        Assert.NotEmpty(scan["cveIds"]!.AsArray());
        Assert.All(scan["cveIds"]!.AsArray(), cve => Assert.Contains("- " + cve!.GetValue<string>(), description, StringComparison.Ordinal));
        Assert.Equal(dev.Take(2).Sum(n => n.VolumeIds.Count), (await harness.Aws.SnapshotsOfChangeAsync("CHG0030001")).Count);
        Assert.Equal(["Scan", "Install"], (await harness.Aws.CommandsAsync()).OrderBy(c => c.RequestedDateTime).Select(c => c.Parameters["Operation"].Single()));
        Assert.Single(await harness.Desks.ServiceNowWorkNotesAsync(DeskSimulators.Value(record, "sys_id")));
        Assert.Contains(dev[2].InstanceId, attachments["change-evidence.json"], StringComparison.Ordinal);
    }
}
