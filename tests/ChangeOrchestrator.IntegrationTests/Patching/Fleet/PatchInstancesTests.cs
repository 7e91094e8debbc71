using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

public sealed class PatchInstancesTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task PatchInstances_ServersMissingPatches_InstallsWithTheOptionsAndSucceeds()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 3);
        await harness.PublishAsync(Workflow(new { instanceIds = ids, reboot = "noReboot", maxConcurrency = "2", maxErrors = "1" }));

        var started = await harness.StartAsync("patch");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var command = Assert.Single(await harness.Aws.CommandsAsync());
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal("Succeeded", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(("Install", "NoReboot"), (command.Parameters["Operation"].Single(), command.Parameters["RebootOption"].Single()));
        Assert.Equal(("2", "1"), (command.MaxConcurrency, command.MaxErrors));
        Assert.Equal(ids, command.InstanceIds.Order(StringComparer.Ordinal));
        Assert.Equal(ids, output["succeededIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal((3, 0, 3), (output["succeededCount"]!.GetValue<int>(), output["failedCount"]!.GetValue<int>(), output["targetCount"]!.GetValue<int>()));
        Assert.All(output["instances"]!.AsArray(), i =>
        {
            Assert.Equal("success", i!["state"]!.GetValue<string>());
            Assert.Equal(0, i["responseCode"]!.GetValue<int>());
            Assert.True(i["endedAt"]!.GetValue<DateTimeOffset>() >= i["startedAt"]!.GetValue<DateTimeOffset>());
        });
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
    }

    [Theory]
    [InlineData("1", "PartiallyFailed")]
    [InlineData("0", "Failed")]
    public async Task PatchInstances_OneServerFailsToInstall_ContinuesOnTheOutcomeOfTheThreshold(string threshold, string outcome)
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 2);
        await harness.Aws.PostAsync("faults/patch-failure", new { instanceIds = new[] { ids[0] } });
        await harness.PublishAsync(Workflow(new { instanceIds = ids, reboot = "noReboot", maxConcurrency = "100%", maxErrors = "1", failureThreshold = threshold }));

        var started = await harness.StartAsync("patch");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var failed = output["instances"]!.AsArray().Single(i => i!["instanceId"]!.GetValue<string>() == ids[0])!;
        Assert.Equal(outcome, await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal([ids[0]], output["failedIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([ids[1]], output["succeededIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(("failed", 1), (failed["state"]!.GetValue<string>(), failed["responseCode"]!.GetValue<int>()));
        Assert.Contains("Failed to install", failed["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchInstances_NodeDiesBeforeTheCommit_RestartFindsTheInstallAndSendsNoSecond()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 2);
        await harness.PublishAsync(Workflow(new { instanceIds = ids, maxConcurrency = "100%" }));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("patch", instanceId: instanceId));
        await harness.RestartAsync();
        await harness.StartAsync("patch", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        Assert.Equal("Succeeded", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
        Assert.Single(await harness.Aws.CommandsAsync());
        Assert.Contains((await harness.JournalAsync(instanceId)).Select(e => e.Message), m => m?.StartsWith("Found the install started earlier", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PatchInstances_UnreadableThreshold_FaultsBeforeInstallingAnything()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = await ServersMissingPatchesAsync(harness, 1);
        // Computed, as a literal "ten" is refused when the workflow is published (the input's format is percentOrCountFromZero).
        await harness.PublishAsync(Workflow(new { instanceIds = ids, failureThreshold = new { js = "'ten'" } }));

        var instance = await harness.StartAsync("patch");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("failureThreshold 'ten'", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Aws.CallsAsync("SSM.SendCommand"));
    }

    [Theory]
    [InlineData("'i-0123456789abcdef0'", "needs instanceIds to be a list of instance ids, not the value \"i-0123456789abcdef0\"")]
    [InlineData("({ instanceId: 'i-0123456789abcdef0' })", "needs instanceIds to be a list of instance ids, not an object")]
    [InlineData("['i-0123456789abcdef0', 42]", "instanceIds[1]")]
    public async Task PatchInstances_ComputedInstanceIdsNotAListOfIds_FaultsNamingTheInputBeforeInstallingAnything(string expression, string expected)
    {
        await using var harness = await PatchingHarness.StartAsync();
        // Computed, as a literal that is not a list is refused when the workflow is published (the input is an array).
        await harness.PublishAsync(Workflow(new { instanceIds = new { js = expression } }));

        var instance = await harness.StartAsync("patch");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains(expected, instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Aws.CallsAsync("SSM.SendCommand"));
    }

    /// <summary>Online servers whose last report lists missing patches and no failed ones, ordered by id.</summary>
    private static async Task<List<string>> ServersMissingPatchesAsync(PatchingHarness harness, int count)
    {
        var chosen = new List<string>();
        foreach (var node in await harness.Aws.OnlineNodesAsync())
        {
            var missing = await harness.Aws.MissingPatchesAsync(node.InstanceId);
            if (missing.Count > 0 && (await harness.Aws.MissingPatchesAsync(node.InstanceId, "Failed")).Count == 0)
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

    private static string Workflow(object inputs) => TestWorkflows.OneStep("patch", "PatchInstances", inputs);
}
