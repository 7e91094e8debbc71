using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Verification;

public sealed class VerifyRemediationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task VerifyRemediation_AfterASuccessfulInstall_ReportsEveryCveRemediated()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 2);
        await harness.PublishAsync(TestWorkflows.Chain("verify", Scan(ids), Patch(ids), Verify(ids, after: "Succeeded")));

        var started = await harness.StartAsync("verify");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var scan = await harness.OutputAsync(instance.Id, "scan");
        var output = await harness.OutputAsync(instance.Id, "verify");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Remediated", await harness.OutcomeAsync(instance.Id, "verify"));
        Assert.Equal(0, output["residualCount"]!.GetValue<int>());
        Assert.Equal(Strings(scan["patchIds"]), Strings(output["remediatedPatchIds"]));
        Assert.Equal(Strings(scan["cveIds"]), Strings(output["remediatedCves"]));
        Assert.NotEmpty(Strings(output["remediatedCves"]));
        Assert.Empty(Strings(output["residualCves"]));
        Assert.Empty(output["instances"]!.AsArray());
        Assert.Empty(Strings(output["unverifiedIds"]));
        Assert.Equal(2, output["rescannedCount"]!.GetValue<int>());
        Assert.Equal(3, (await harness.Aws.CommandsAsync()).Count);
    }

    [Fact]
    public async Task VerifyRemediation_NothingInstalled_ReportsEverythingResidual()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 2);
        await harness.PublishAsync(TestWorkflows.Chain("verify", Scan(ids), Verify(ids, after: "Done")));

        var started = await harness.StartAsync("verify");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var scan = await harness.OutputAsync(instance.Id, "scan");
        var output = await harness.OutputAsync(instance.Id, "verify");
        Assert.Equal("Residual", await harness.OutcomeAsync(instance.Id, "verify"));
        Assert.Equal(scan["totalMissing"]!.GetValue<int>(), output["residualCount"]!.GetValue<int>());
        Assert.Equal(Strings(scan["patchIds"]), Strings(output["residualPatchIds"]));
        Assert.Equal(Strings(scan["cveIds"]), Strings(output["residualCves"]));
        Assert.Empty(Strings(output["remediatedPatchIds"]));
        Assert.Empty(Strings(output["remediatedCves"]));
        foreach (var before in scan["instances"]!.AsArray())
        {
            var residual = output["instances"]!.AsArray().Single(i => i!["instanceId"]!.GetValue<string>() == before!["instanceId"]!.GetValue<string>())!;
            Assert.Equal(before!["patches"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), residual["patches"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task VerifyRemediation_OnePatchFailsToInstall_ReportsOnlyItResidualOnThatServer()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 2);
        await harness.Aws.PostAsync("faults/patch-failure", new { instanceIds = new[] { ids[0] } });
        await harness.PublishAsync(TestWorkflows.Chain("verify", Scan(ids), Patch(ids), Verify(ids, after: "Failed")));

        var started = await harness.StartAsync("verify");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var scan = await harness.OutputAsync(instance.Id, "scan");
        var output = await harness.OutputAsync(instance.Id, "verify");
        var residual = Assert.Single(output["instances"]!.AsArray())!;
        var failedNow = await harness.Aws.MissingPatchesAsync(ids[0]);
        Assert.Equal("Residual", await harness.OutcomeAsync(instance.Id, "verify"));
        Assert.Equal(ids[0], residual["instanceId"]!.GetValue<string>());
        Assert.Equal(failedNow.Keys.Order(StringComparer.Ordinal), residual["patches"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(failedNow.Count, output["residualCount"]!.GetValue<int>());
        Assert.Equal(Strings(scan["patchIds"]).Except(failedNow.Keys).Order(StringComparer.Ordinal), Strings(output["remediatedPatchIds"]));
        Assert.Empty(Strings(output["unverifiedIds"]));
    }

    [Fact]
    public async Task VerifyRemediation_AgentOffline_ReportsTheServerUnverified()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(2).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("agents", new { instanceIds = new[] { ids[0] }, pingStatus = "ConnectionLost" });
        await harness.PublishAsync(TestWorkflows.OneStep("verify", "VerifyRemediation", new { instanceIds = ids, before = Array.Empty<object>() }));

        var started = await harness.StartAsync("verify");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("Residual", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal([ids[0]], Strings(output["unverifiedIds"]));
        Assert.Equal("timedOut", Assert.Single(output["failures"]!.AsArray())!["state"]!.GetValue<string>());
        Assert.Equal(0, output["residualCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task VerifyRemediation_NodeDiesBeforeTheCommit_RestartFindsTheRescanAndSendsNoSecond()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(2).Select(n => n.InstanceId).ToList();
        await harness.PublishAsync(TestWorkflows.OneStep("verify", "VerifyRemediation", new { instanceIds = ids, before = Array.Empty<object>() }));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("verify", instanceId: instanceId));
        await harness.RestartAsync();
        await harness.StartAsync("verify", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        Assert.Equal("Remediated", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
        Assert.Contains((await harness.JournalAsync(instanceId)).Select(e => e.Message), m => m?.StartsWith("Found the scan sent earlier", StringComparison.Ordinal) == true);
    }

    private static TestStep Scan(IReadOnlyList<string> ids) => new("scan", "ScanForMissingPatches", new { instanceIds = ids });

    private static TestStep Patch(IReadOnlyList<string> ids) =>
        new("patch", "PatchInstances", new { instanceIds = ids, reboot = "noReboot", maxConcurrency = "100%", maxErrors = "100%" });

    private static TestStep Verify(IReadOnlyList<string> ids, string after) =>
        new("verify", "VerifyRemediation", new { instanceIds = ids, before = TestWorkflows.Js("steps.scan.instances") }, after);

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(i => i!.GetValue<string>())];

    /// <summary>Online servers whose last report lists missing patches and no failed ones, ordered by id.</summary>
    private static async Task<List<string>> ServersMissingPatchesAsync(PatchingHarness harness, int count)
    {
        var chosen = new List<string>();
        foreach (var node in await harness.Aws.OnlineNodesAsync())
        {
            if ((await harness.Aws.MissingPatchesAsync(node.InstanceId)).Count > 0 && (await harness.Aws.MissingPatchesAsync(node.InstanceId, "Failed")).Count == 0)
            {
                chosen.Add(node.InstanceId);
            }

            if (chosen.Count == count)
            {
                break;
            }
        }

        Assert.Equal(count, chosen.Count);
        return [.. chosen.Order(StringComparer.Ordinal)];
    }
}
