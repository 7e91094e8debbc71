using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// <c>workflows/patch-change.json</c> as shipped, on PostgreSQL, started through the API, against the simulated
/// ServiceNow, Jira, SSM and EC2: the happy path on both desks and every failure branch, each driven by the
/// simulators' own faults, with the change request's final fields, work notes and evidence read back from the desk.
/// </summary>
public sealed class PatchChangeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PatchChange_ServiceNowApprovedOnTheApprovalPage_ClosesSuccessfulWithEvidence()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Prod", 4);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        await server.Desks.ServiceNowApprovalPageAsync(number, "approve", "Peer review done");
        await server.Desks.ServiceNowApprovalPageAsync(number, "approve", "CAB: go");
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var patched = done["variables"]!["patchIds"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var sysId = DeskSimulators.Value(record, "sys_id");
        var notes = await server.Desks.ServiceNowWorkNotesAsync(sysId);
        var attachments = await server.Desks.ServiceNowAttachmentsAsync(sysId);
        var evidence = JsonNode.Parse(attachments[$"patch-evidence-{number}.json"])!;
        output.WriteLine(attachments[$"patch-evidence-{number}.md"]);

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(["approval:Approved", "window:Open", "agents:AllOnline", "canary:Succeeded", "rest:Succeeded", "verify:Remediated", "close:Done"],
            (await server.PathAsync(id)).Where(p => p.Split(':')[0] is "approval" or "window" or "agents" or "canary" or "rest" or "verify" or "close"));
        Assert.NotEmpty(patched);
        Assert.Equal(("3", "successful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Equal(("normal", "2"), (DeskSimulators.Value(record, "type"), DeskSimulators.Value(record, "risk")));
        Assert.Equal(id, DeskSimulators.Value(record, "correlation_id"));
        Assert.Contains(notes, n => n.Contains("pre-change snapshots completed", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Canary wave:", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Rescan:", StringComparison.Ordinal));
        Assert.Equal(notes.Count, notes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(patched.Order(StringComparer.Ordinal), evidence["patched"]!.AsArray().Select(p => p!["instanceId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(evidence["patched"]!.AsArray(), p => Assert.Equal("success", p!["state"]!.GetValue<string>()));
        Assert.Empty(evidence["cves"]!["residual"]!.AsArray());
        Assert.Equal(outputs["scan"]!["cveIds"]!.AsArray().Count, evidence["cves"]!["remediated"]!.AsArray().Count);
        Assert.Equal(
            (await server.Aws.NodesAsync()).Where(n => patched.Contains(n.InstanceId)).Sum(n => n.VolumeIds.Count),
            (await server.Aws.SnapshotsOfChangeAsync(number)).Count);
        Assert.Equal(2, (await server.Aws.InstallCommandsAsync()).Count);
        foreach (var instanceId in patched)
        {
            Assert.Empty(await server.Aws.MissingPatchesAsync(instanceId));
        }
    }

    [Fact]
    public async Task PatchChange_JiraApproved_ClosesCompletedWithEvidence()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Test", 3);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("jira", "Test", servers));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var key = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        await server.Desks.JiraDecideAsync(key, approve: true);
        var done = await server.WaitForEndAsync(id);

        var issue = await server.Desks.JiraIssueAsync(key, "status,attachment,comment");
        var attachments = issue["fields"]!["attachment"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).ToList();
        var comments = issue["fields"]!["comment"]!["comments"]!.AsArray().Select(c => c!["body"]!.ToJsonString()).ToList();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("successful", done["outputs"]!["close"]!["outcome"]!.GetValue<string>());
        Assert.Equal("Completed", issue["fields"]!["status"]!["name"]!.GetValue<string>());
        Assert.Contains($"patch-evidence-{key}.json", attachments);
        Assert.Contains($"patch-evidence-{key}.md", attachments);
        Assert.Contains(comments, c => c.Contains("Canary wave", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains("Rescan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatchChange_RejectedOnTheApprovalPage_CancelsTheChangeAndPatchesNothing()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Prod", 2);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers));
        var number = (await server.WaitForActivityAsync(id, "approval"))["outputs"]!["raise"]!["number"]!.GetValue<string>();
        await server.Desks.ServiceNowApprovalPageAsync(number, "reject", "Not before the quarter closes");
        var done = await server.WaitForEndAsync(id);

        var record = await server.Desks.ServiceNowChangeAsync(number);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("cancelRejected:Done", await server.PathAsync(id));
        Assert.Equal("4", DeskSimulators.Value(record, "state"));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
        Assert.Empty(await server.Aws.SnapshotsOfChangeAsync(number));
    }

    [Fact]
    public async Task PatchChange_NoDecisionWithinTheTimeout_CancelsTheChange()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Prod", 2);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers, new JsonObject { ["approvalTimeout"] = "PT1S" }));
        var done = await server.WaitForEndAsync(id);

        var number = done["outputs"]!["raise"]!["number"]!.GetValue<string>();
        Assert.Contains("approval:TimedOut", await server.PathAsync(id));
        Assert.Contains("cancelTimedOut:Done", await server.PathAsync(id));
        Assert.Equal("4", DeskSimulators.Value(await server.Desks.ServiceNowChangeAsync(number), "state"));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_WindowFrozenThroughout_WritesWhyAndCancelsTheChange()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 2);
        var now = TimeProvider.System.GetUtcNow();

        // A window already over is refused at the door; one a freeze covers from end to end is missed once it is reached.
        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers, new JsonObject
        {
            ["freezes"] = new JsonArray(new JsonObject
            {
                ["start"] = now.AddHours(-1).ToString("O"),
                ["end"] = now.AddHours(5).ToString("O"),
                ["reason"] = "year-end closing",
            }),
        }));
        var done = await server.WaitForEndAsync(id);

        var number = done["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var notes = await server.Desks.ServiceNowWorkNotesAsync(DeskSimulators.Value(record, "sys_id"));
        var path = await server.PathAsync(id);
        Assert.DoesNotContain(path, p => p.StartsWith("approval:", StringComparison.Ordinal));
        Assert.Equal(["window:Missed", "missedNote:Done", "canReschedule:False", "cancelMissed:Done"], path.SkipWhile(p => !p.StartsWith("window:", StringComparison.Ordinal)));
        Assert.Contains(notes, n => n.StartsWith("Maintenance window missed:", StringComparison.Ordinal));
        Assert.Equal(("standard", "4"), (DeskSimulators.Value(record, "type"), DeskSimulators.Value(record, "state")));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_WindowMissedWithASchedule_ReschedulesToTheOpenOccurrenceAndPatches()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 2);
        var now = TimeProvider.System.GetUtcNow();

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers, new JsonObject
        {
            ["windowStart"] = now.AddHours(-3).ToString("O"),
            ["windowEnd"] = now.AddHours(-2).ToString("O"),
            ["onWindowMissed"] = "reschedule",
            ["schedule"] = "0 * * * *",
            ["windowDuration"] = "PT2H",
        }));
        var done = await server.WaitForEndAsync(id);

        var path = await server.PathAsync(id);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(["window:Missed", "missedNote:Done", "canReschedule:True", "reschedule:Done", "window:Open"],
            path.SkipWhile(p => !p.StartsWith("window:", StringComparison.Ordinal)).Take(5));
        Assert.Equal(1, done["variables"]!["reschedules"]!.GetValue<int>());
        Assert.Contains("close:Done", path);
    }

    [Fact]
    public async Task PatchChange_AnAgentGoesOfflineBeforeTheWindow_ExcludesItWithAWorkNote()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Prod", 4);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var lost = waiting["variables"]!["patchIds"]!.AsArray()[0]!.GetValue<string>();
        await server.Aws.PostAsync("agents", new { instanceIds = new[] { lost }, pingStatus = "ConnectionLost" });
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
        var done = await server.WaitForEndAsync(id);

        var record = await server.Desks.ServiceNowChangeAsync(number);
        var notes = await server.Desks.ServiceNowWorkNotesAsync(DeskSimulators.Value(record, "sys_id"));
        var targeted = (await server.Aws.InstallCommandsAsync()).SelectMany(c => c.InstanceIds).ToList();
        Assert.Contains("agents:SomeOffline", await server.PathAsync(id));
        Assert.Contains("excludeNote:Done", await server.PathAsync(id));
        Assert.Contains(notes, n => n.Contains($"left out because their SSM agent is not online: {lost}", StringComparison.Ordinal));
        Assert.DoesNotContain(lost, targeted);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("3", DeskSimulators.Value(record, "state"));
    }

    [Fact]
    public async Task PatchChange_AgentOfflineWithTheAbortPolicy_CancelsBeforeAnySnapshot()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Prod", 3);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers, new JsonObject { ["offlinePolicy"] = "abort" }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var lost = waiting["variables"]!["patchIds"]!.AsArray()[0]!.GetValue<string>();
        await server.Aws.PostAsync("agents", new { instanceIds = new[] { lost }, pingStatus = "ConnectionLost" });
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
        var done = await server.WaitForEndAsync(id);

        var path = await server.PathAsync(id);
        var record = await server.Desks.ServiceNowChangeAsync(number);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("agents:SomeOffline", path);
        Assert.Contains("offlinePolicy:True", path);
        Assert.Contains("cancelOffline:Done", path);
        Assert.Equal("4", DeskSimulators.Value(record, "state"));
        Assert.Empty(await server.Aws.SnapshotsOfChangeAsync(number));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_ASnapshotFails_ClosesUnsuccessfulWithoutPatching()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 3);
        await server.Aws.PostAsync("faults/snapshot-error", new { instanceIds = new[] { servers[1] } });

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        var done = await server.WaitForEndAsync(id);

        var number = done["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var path = await server.PathAsync(id);
        Assert.Contains("snapshot:Failed", path);
        Assert.Contains("rollbackWanted:False", path);
        Assert.Equal(("3", "unsuccessful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Contains("pre-change snapshots failed", DeskSimulators.Value(record, "close_notes"), StringComparison.Ordinal);
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_CanaryFailsBeyondTheThreshold_RollsItBackAndClosesUnsuccessful()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 4);
        var canary = servers.Order(StringComparer.Ordinal).First();
        await server.Aws.PostAsync("faults/patch-failure", new { instanceIds = new[] { canary } });

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var path = await server.PathAsync(id);
        Assert.Equal([canary], done["variables"]!["canaryIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Contains("canary:Failed", path);
        Assert.Contains("rollback:Done", path);
        Assert.Equal([canary], outputs["rollback"]!["restoredIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Single(await server.Aws.InstallCommandsAsync());
        Assert.Equal(1, await server.Aws.CallsAsync("EC2.CreateReplaceRootVolumeTask"));
        Assert.Equal(("3", "unsuccessful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Contains("Rolled back: 1 restored", DeskSimulators.Value(record, "close_notes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchChange_APatchFailsWithinTheThreshold_ClosesSuccessfulWithIssuesListingTheResidual()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 4, withMissingPatches: true);
        var second = servers.Order(StringComparer.Ordinal).Last();
        var failing = (await server.Aws.MissingPatchesAsync(second)).Keys.First();
        await server.Aws.PostAsync("faults/patch-failure", new { instanceIds = new[] { second }, kbIds = new[] { failing } });

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers, new JsonObject { ["failureThreshold"] = "50%" }));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var path = await server.PathAsync(id);
        Assert.Contains("rest:PartiallyFailed", path);
        Assert.Contains("verify:Residual", path);
        Assert.Contains(failing, outputs["verify"]!["residualPatchIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(("3", "successful_issues"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Contains(failing, DeskSimulators.Value(record, "close_notes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchChange_ValidationFailsOnAServer_RollsItBackAndClosesUnsuccessful()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var servers = await LinuxServersAsync(server, "Dev", 3);
        var broken = servers[2];
        await server.Aws.PostAsync("faults/script-failure", new { instanceIds = new[] { broken } });

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers, new JsonObject
        {
            ["validationCommand"] = new JsonArray("systemctl is-active --quiet billing-api"),
        }));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var path = await server.PathAsync(id);
        Assert.True(path.Contains("validate:Unhealthy"), $"{done["incident"]?.ToJsonString()} {string.Join(" > ", path)}");
        Assert.Equal([broken], outputs["validate"]!["unhealthyIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([broken], outputs["rollback"]!["restoredIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(("3", "unsuccessful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Contains("Application validation failed", DeskSimulators.Value(record, "close_notes"), StringComparison.Ordinal);
    }

    /// <summary>Running Linux EC2 servers of the patch group whose agent is online, with volumes to snapshot.</summary>
    private static async Task<List<string>> LinuxServersAsync(PatchChangeServer server, string patchGroup, int count, bool withMissingPatches = false)
    {
        var candidates = (await server.Aws.OnlineNodesAsync("&patchGroup=" + patchGroup))
            .Where(n => !n.Hybrid && n.Platform == "Linux" && n.VolumeIds.Count > 0)
            .Select(n => n.InstanceId)
            .ToList();
        if (!withMissingPatches)
        {
            return [.. candidates.Take(count)];
        }

        var chosen = new List<string>();
        foreach (var candidate in candidates)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if ((await server.Aws.MissingPatchesAsync(candidate)).Count > 0)
            {
                chosen.Add(candidate);
            }
        }

        Assert.Equal(count, chosen.Count);
        return chosen;
    }
}
