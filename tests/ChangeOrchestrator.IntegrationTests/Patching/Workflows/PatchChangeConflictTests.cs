using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// <c>workflows/patch-change.json</c> checking conflicts before it raises the change and when the window opens:
/// another change on the same servers (in the simulated ServiceNow, through the CMDB and task_ci; in the simulated
/// Jira, through the Affected servers field) or a blackout makes it move to the next free window, raise with the
/// conflicts listed, or stop, as onConflict says; and its servers end up on the change as affected CIs.
/// </summary>
public sealed class PatchChangeConflictTests
{
    /// <summary>Windows every ten seconds, so the next free one is seconds away and the test sees it open.</summary>
    private const string TenSecondWindows = "*/10 * * * * *";

    [Fact]
    public async Task PatchChange_ServiceNowChangeOnTheSameServer_MovesToTheNextFreeWindowAndListsTheAffectedCis()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Dev", 3);
        var byId = await server.Desks.ServiceNowInsertAsync("cmdb_ci_server", new JsonObject { ["name"] = "web-" + nodes[0].InstanceId, ["object_id"] = nodes[0].InstanceId });
        var byName = await server.Desks.ServiceNowInsertAsync("cmdb_ci_server", new JsonObject { ["name"] = nodes[1].Name });
        var busyUntil = WholeSecond(TimeProvider.System.GetUtcNow().AddSeconds(25));
        var other = await server.Desks.ServiceNowOtherChangeAsync(busyUntil.AddHours(-2), busyUntil, byId);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", nodes.Select(n => n.InstanceId),
            new JsonObject { ["schedule"] = TenSecondWindows, ["windowDuration"] = "PT1H" }));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var path = await server.PathAsync(id);
        Assert.True(done["status"]!.GetValue<string>() == "Completed", $"{done["incident"]?.ToJsonString()} {string.Join(" > ", path)}");
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var affected = await server.Desks.ServiceNowRowsAsync("task_ci", "task=" + DeskSimulators.Value(record, "sys_id"), "ci_item");
        var conflict = outputs["conflicts"]!["conflicts"]!.AsArray().Single()!;
        var movedTo = DateTimeOffset.Parse(outputs["conflicts"]!["windowStart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var attachments = await server.Desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
        Assert.True(attachments.ContainsKey($"patch-evidence-{number}.json"), string.Join(", ", attachments.Keys));
        var evidence = JsonNode.Parse(attachments[$"patch-evidence-{number}.json"])!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("conflicts:Moved", path);
        Assert.Contains("recheck:Clear", path);
        Assert.Contains("close:Done", path);
        Assert.Equal((other, "change"), (conflict["reference"]!.GetValue<string>(), conflict["kind"]!.GetValue<string>()));
        Assert.Equal([nodes[0].InstanceId], conflict["servers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(movedTo >= busyUntil, $"moved to {movedTo:O}, before the other change ends at {busyUntil:O}");
        Assert.Equal(DeskSimulators.ServiceNowTime(movedTo), DeskSimulators.Value(record, "start_date"));
        Assert.Equal(new[] { byId, byName }.Order(StringComparer.Ordinal), affected.Select(a => a!["ci_item"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal([nodes[2].InstanceId], outputs["affected"]!["notFound"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(other, evidence["conflicts"]!["atRaise"]![0]!["reference"]!.GetValue<string>());
        Assert.NotEmpty(evidence["conflicts"]!["moved"]!.AsArray());
    }

    [Fact]
    public async Task PatchChange_ServiceNowChangeOnTheSameServerWithRaiseWithConflicts_RaisesWithTheConflictListedAndNotesItAtTheWindow()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Prod", 2);
        var ci = await server.Desks.ServiceNowInsertAsync("cmdb_ci_server", new JsonObject { ["name"] = nodes[0].Name, ["object_id"] = nodes[0].InstanceId });
        var now = TimeProvider.System.GetUtcNow();
        var other = await server.Desks.ServiceNowOtherChangeAsync(now.AddHours(-1), now.AddHours(2), ci);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", nodes.Select(n => n.InstanceId),
            new JsonObject { ["onConflict"] = "raiseWithConflicts" }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var raised = await server.Desks.ServiceNowChangeAsync(number);
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go, the database team agreed");
        var done = await server.WaitForEndAsync(id);

        var notes = await server.Desks.ServiceNowWorkNotesAsync(DeskSimulators.Value(raised, "sys_id"));
        var path = await server.PathAsync(id);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("conflicts:Conflicting", path);
        Assert.Contains("recheck:Conflicting", path);
        Assert.Contains("close:Done", path);
        Assert.Contains($"Conflicts: change {other}", DeskSimulators.Value(raised, "description"), StringComparison.Ordinal);
        Assert.Equal(DeskSimulators.ServiceNowTime(DateTimeOffset.Parse(waiting["outputs"]!["conflicts"]!["windowStart"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
            DeskSimulators.Value(raised, "start_date"));
        Assert.Contains(notes, n => n.StartsWith("Conflicts in the planned window", StringComparison.Ordinal) && n.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatchChange_ServiceNowChangeOnTheSameServerWithStop_RaisesNothingAndSaysWhy()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Dev", 2);
        var ci = await server.Desks.ServiceNowInsertAsync("cmdb_ci_server", new JsonObject { ["name"] = nodes[1].Name, ["object_id"] = nodes[1].InstanceId });
        var now = TimeProvider.System.GetUtcNow();
        var other = await server.Desks.ServiceNowOtherChangeAsync(now.AddHours(1), now.AddHours(3), ci);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", nodes.Select(n => n.InstanceId),
            new JsonObject { ["onConflict"] = "stop" }));
        var done = await server.WaitForEndAsync(id);

        var stop = done["outputs"]!["conflictStop"]!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("conflicts:Blocked", await server.PathAsync(id));
        Assert.Equal("stopped-by-conflicts", stop["result"]!.GetValue<string>());
        Assert.Contains(other, stop["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await server.Desks.ServiceNowChangeCountAsync(id));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_ServiceNowBlackout_MovesPastItAndReportsTheMaintenanceSchedule()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Dev", 2);
        var blackoutEnds = WholeSecond(TimeProvider.System.GetUtcNow().AddSeconds(25));
        await server.Desks.ServiceNowScheduleAsync("Quarter close", "blackout", blackoutEnds.AddDays(-1), blackoutEnds);
        await server.Desks.ServiceNowScheduleAsync("Weekend maintenance", "maintenance", blackoutEnds.AddDays(-1), blackoutEnds.AddDays(1));

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", nodes.Select(n => n.InstanceId),
            new JsonObject { ["schedule"] = TenSecondWindows, ["windowDuration"] = "PT1H" }));
        var waiting = await server.WaitForActivityAsync(id, "window");

        var check = waiting["outputs"]!["conflicts"]!;
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var movedTo = DateTimeOffset.Parse(check["windowStart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Contains("conflicts:Moved", await server.PathAsync(id));
        Assert.Equal(("blackout", "Quarter close"), (check["conflicts"]![0]!["kind"]!.GetValue<string>(), check["conflicts"]![0]!["reference"]!.GetValue<string>()));
        Assert.Equal(["Weekend maintenance"], check["notices"]!.AsArray().Select(n => n!["reference"]!.GetValue<string>()));
        Assert.True(movedTo >= blackoutEnds, $"moved to {movedTo:O}, inside the blackout ending {blackoutEnds:O}");
        Assert.Equal(DeskSimulators.ServiceNowTime(movedTo), DeskSimulators.Value(record, "start_date"));
        Assert.Contains("Maintenance schedules in the window: maintenance schedule Weekend maintenance", DeskSimulators.Value(record, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchChange_ServiceNowChangeAddedAfterRaisingWithStop_CancelsTheChangeWhenTheWindowOpens()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Prod", 2);
        var ci = await server.Desks.ServiceNowInsertAsync("cmdb_ci_server", new JsonObject { ["name"] = nodes[0].Name, ["object_id"] = nodes[0].InstanceId });

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", nodes.Select(n => n.InstanceId),
            new JsonObject { ["onConflict"] = "stop" }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var now = TimeProvider.System.GetUtcNow();
        var other = await server.Desks.ServiceNowOtherChangeAsync(now.AddMinutes(-5), now.AddHours(1), ci);
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
        var done = await server.WaitForEndAsync(id);

        var record = await server.Desks.ServiceNowChangeAsync(number);
        var path = await server.PathAsync(id);
        Assert.Contains("conflicts:Clear", path);
        Assert.Contains("recheck:Blocked", path);
        Assert.Contains("cancelConflict:Done", path);
        Assert.Equal("4", DeskSimulators.Value(record, "state"));
        Assert.Contains(other, done["outputs"]!["recheck"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    [Fact]
    public async Task PatchChange_JiraChangeOnTheSameServer_MovesToTheNextFreeWindowAndListsTheAffectedServers()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Test", 2);
        var busyUntil = WholeSecond(TimeProvider.System.GetUtcNow().AddSeconds(25));
        var other = await server.Desks.JiraOtherChangeAsync(busyUntil.AddHours(-2), busyUntil, nodes[1].InstanceId, "i-0123456789abcdef0");

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("jira", "Test", nodes.Select(n => n.InstanceId),
            new JsonObject { ["schedule"] = TenSecondWindows, ["windowDuration"] = "PT1H" }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        await server.Desks.JiraDecideAsync(waiting["outputs"]!["raise"]!["number"]!.GetValue<string>(), approve: true);
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        Assert.True(done["status"]!.GetValue<string>() == "Completed", $"{done["incident"]?.ToJsonString()} {string.Join(" > ", await server.PathAsync(id))}");
        var key = outputs["raise"]!["number"]!.GetValue<string>();
        var issue = await server.Desks.JiraIssueAsync(key, "customfield_10008,customfield_10014");
        var patched = done["variables"]!["patchIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal);
        var conflict = outputs["conflicts"]!["conflicts"]!.AsArray().Single()!;
        var movedTo = DateTimeOffset.Parse(outputs["conflicts"]!["windowStart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Contains("conflicts:Moved", await server.PathAsync(id));
        Assert.Equal(other, conflict["reference"]!.GetValue<string>());
        Assert.Equal([nodes[1].InstanceId], conflict["servers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(movedTo >= busyUntil, $"moved to {movedTo:O}, before the other change ends at {busyUntil:O}");
        Assert.Equal(DeskSimulators.JiraTime(movedTo), issue["fields"]!["customfield_10008"]!.GetValue<string>());
        Assert.Equal(patched, issue["fields"]!["customfield_10014"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PatchChange_JiraChangeOnTheSameServerWithRaiseWithConflicts_RaisesWithTheConflictInTheDescription()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Test", 2);
        var now = TimeProvider.System.GetUtcNow();
        var other = await server.Desks.JiraOtherChangeAsync(now.AddHours(1), now.AddHours(2), nodes[0].InstanceId);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("jira", "Test", nodes.Select(n => n.InstanceId),
            new JsonObject { ["onConflict"] = "raiseWithConflicts" }));
        var waiting = await server.WaitForActivityAsync(id, "approval");

        var key = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var issue = await server.Desks.JiraIssueAsync(key, "description,customfield_10014");
        Assert.Contains("conflicts:Conflicting", await server.PathAsync(id));
        Assert.Contains($"Conflicts: change {other}", issue["fields"]!["description"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(nodes.Select(n => n.InstanceId).Order(StringComparer.Ordinal), issue["fields"]!["customfield_10014"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PatchChange_JiraChangeOnTheSameServerWithStop_RaisesNothing()
    {
        await using var server = await PatchChangeServer.StartAsync();
        var nodes = await ServersWithMissingPatchesAsync(server, "Dev", 2);
        var now = TimeProvider.System.GetUtcNow();
        var other = await server.Desks.JiraOtherChangeAsync(now, now.AddHours(1), nodes[0].InstanceId);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("jira", "Dev", nodes.Select(n => n.InstanceId),
            new JsonObject { ["onConflict"] = "stop" }));
        var done = await server.WaitForEndAsync(id);

        Assert.Contains("conflicts:Blocked", await server.PathAsync(id));
        Assert.Contains(other, done["outputs"]!["conflictStop"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await server.Desks.JiraIssueCountAsync($"labels = \"changeorchestrator-{id}\""));
        Assert.Empty(await server.Aws.InstallCommandsAsync());
    }

    /// <summary>The desks keep planned dates to the second (ServiceNow) or millisecond (Jira): a test's instants are whole seconds.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

    /// <summary>Running Linux EC2 servers of the patch group, online, with volumes and missing patches, so each is patched.</summary>
    private static async Task<List<AwsSimulator.NodeSummary>> ServersWithMissingPatchesAsync(PatchChangeServer server, string patchGroup, int count)
    {
        var chosen = new List<AwsSimulator.NodeSummary>();
        foreach (var node in (await server.Aws.OnlineNodesAsync("&patchGroup=" + patchGroup)).Where(n => !n.Hybrid && n.Platform == "Linux" && n.VolumeIds.Count > 0))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if ((await server.Aws.MissingPatchesAsync(node.InstanceId)).Count > 0)
            {
                chosen.Add(node);
            }
        }

        Assert.Equal(count, chosen.Count);
        return chosen;
    }
}
