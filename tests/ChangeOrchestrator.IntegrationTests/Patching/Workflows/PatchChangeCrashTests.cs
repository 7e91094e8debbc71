using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// The server process killed with SIGKILL while the patch change is taking snapshots or patching: after a restart
/// on the same database the change finishes, no snapshot or patch command was sent twice, and the change request
/// was closed once with one set of evidence.
/// </summary>
public sealed class PatchChangeCrashTests
{
    [Fact]
    public async Task Kill_WhileSnapshotsAreBeingTaken_RestartTakesNoSecondSnapshotOfAnyVolume()
    {
        await using var server = await PatchChangeServer.StartAsync(asProcess: true);
        var servers = await DevLinuxServersAsync(server, 5);

        // Each CreateSnapshots call is slowed so the kill lands between the calls of one activity execution.
        await server.Aws.PostAsync("faults/latency", new { milliseconds = 400, service = "EC2", operation = "CreateSnapshots", count = 100 });
        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        await WaitForCallsAsync(server, "EC2.CreateSnapshots", 2);
        await server.KillAndRestartAsync();
        var done = await server.WaitForEndAsync(id);

        var number = done["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var snapshots = await server.Aws.SnapshotsOfChangeAsync(number);
        var patched = done["variables"]!["patchIds"]!.AsArray().Select(i => i!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var volumes = (await server.Aws.NodesAsync()).Where(n => patched.Contains(n.InstanceId)).SelectMany(n => n.VolumeIds).ToList();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(volumes.Order(StringComparer.Ordinal), snapshots.Select(s => s.VolumeId).Order(StringComparer.Ordinal));
        // The servers' calls go out together, so the kill may cut off one call per server; each may have reached EC2
        // or not, and either way the restart finds or takes each server's set once (the volumes above): at most one
        // more call per server.
        Assert.InRange(await server.Aws.CallsAsync("EC2.CreateSnapshots"), patched.Count, 2 * patched.Count);
        await AssertClosedOnceAsync(server, number);
    }

    [Fact]
    public async Task Kill_WhilePatching_RestartSendsNoSecondInstallAndClosesTheChangeOnce()
    {
        await using var server = await PatchChangeServer.StartAsync(asProcess: true);
        var servers = await DevLinuxServersAsync(server, 4);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        await WaitForInstallsAsync(server, 1);
        await server.KillAndRestartAsync();
        var done = await server.WaitForEndAsync(id);

        var number = done["outputs"]!["raise"]!["number"]!.GetValue<string>();
        var installs = (await server.Aws.InstallCommandsAsync()).Select(c => c.InstanceIds).ToList();
        var patched = done["variables"]!["patchIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("successful", done["outputs"]!["close"]!["outcome"]!.GetValue<string>());
        Assert.Equal(2, installs.Count);
        Assert.Equal(patched, installs.SelectMany(c => c).Order(StringComparer.Ordinal));
        await AssertClosedOnceAsync(server, number);
    }

    private static async Task AssertClosedOnceAsync(PatchChangeServer server, string number)
    {
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var sysId = DeskSimulators.Value(record, "sys_id");
        var notes = await server.Desks.ServiceNowWorkNotesAsync(sysId);
        var attachments = await server.Desks.ServiceNowAttachmentsAsync(sysId);
        Assert.Equal("3", DeskSimulators.Value(record, "state"));
        Assert.Equal(1, await server.Desks.ServiceNowChangeCountAsync(DeskSimulators.Value(record, "correlation_id")));
        Assert.Equal([$"patch-evidence-{number}.json", $"patch-evidence-{number}.md"], attachments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(notes.Count, notes.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<List<string>> DevLinuxServersAsync(PatchChangeServer server, int count) =>
        [.. (await server.Aws.OnlineNodesAsync("&patchGroup=Dev"))
            .Where(n => !n.Hybrid && n.Platform == "Linux" && n.VolumeIds.Count > 0)
            .Select(n => n.InstanceId)
            .Take(count)];

    private static async Task WaitForCallsAsync(PatchChangeServer server, string operation, long calls)
    {
        for (var round = 0; round < 1200 && await server.Aws.CallsAsync(operation) < calls; round++)
        {
            await Task.Delay(25);
        }

        Assert.True(await server.Aws.CallsAsync(operation) >= calls, $"{operation} was not called {calls} times");
    }

    private static async Task WaitForInstallsAsync(PatchChangeServer server, int count)
    {
        for (var round = 0; round < 1200 && (await server.Aws.InstallCommandsAsync()).Count < count; round++)
        {
            await Task.Delay(25);
        }

        Assert.True((await server.Aws.InstallCommandsAsync()).Count >= count, $"fewer than {count} install commands were sent");
    }
}
