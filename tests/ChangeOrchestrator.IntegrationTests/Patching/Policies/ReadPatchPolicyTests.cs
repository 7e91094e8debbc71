using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Patching.Policies;

public sealed class ReadPatchPolicyTests
{
    [Fact]
    public async Task ReadPatchPolicy_ProdOfThePolicyFiles_GivesItsWindowFreezesSlasAndOnlyUnexpiredExceptions()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        var folder = PatchChangeServer.RepositoryFile("policies");
        harness.Services.GetRequiredService<PatchPolicyHolder>().Set((await PatchPolicyLoader.LoadDirectoryAsync(folder, CancellationToken.None)).Policy!, folder);
        await harness.PublishAsync(TestWorkflows.OneStep("read", "ReadPatchPolicy", new { patchGroup = "Prod" }));

        var instance = await harness.StartAsync("read");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(["Prod"], output["patchGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var window = Assert.Single(output["windows"]!.AsArray())!;
        Assert.Equal(("prod-weekly", "cron(0 2 ? * SUN *)", "Europe/London", "PT4H"),
            (window["name"]!.GetValue<string>(), window["schedule"]!.GetValue<string>(), window["timeZone"]!.GetValue<string>(), window["duration"]!.GetValue<string>()));
        Assert.Equal("2026-12-18T00:00:00.0000000+00:00", window["freezes"]![0]!["start"]!.GetValue<string>());
        Assert.Equal(7, output["slas"]!["Critical"]!.GetValue<int>());
        // The harness clock stands at 2026-03-02: the CVE exception expired on 2026-02-28 and no longer counts.
        var exception = Assert.Single(output["exceptions"]!.AsArray())!;
        Assert.Equal("openssl*", exception["patch"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadPatchPolicy_NothingLoaded_IsEmpty()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(TestWorkflows.OneStep("read", "ReadPatchPolicy", new { }));

        var instance = await harness.StartAsync("read");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.False(output["loaded"]!.GetValue<bool>());
        Assert.Empty(output["patchGroups"]!.AsArray());
        Assert.Empty(output["windows"]!.AsArray());
    }
}
