using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Baselines;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Baselines;

public sealed class AwsPatchBaselinesTests
{
    [Fact]
    public async Task ListBaselinesAsync_ForWindows_ReturnsOnlyWindowsBaselinesWithOneDefault()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var baselines = host.Connect().GetRequiredService<IPatchBaselines>();

        var all = await baselines.ListBaselinesAsync(null, CancellationToken.None);
        var windows = await baselines.ListBaselinesAsync("WINDOWS", CancellationToken.None);

        Assert.True(all.Count > windows.Count);
        Assert.NotEmpty(windows);
        Assert.All(windows, b => Assert.Equal("WINDOWS", b.OperatingSystem));
        Assert.Single(windows, b => b.IsDefault);
    }

    [Fact]
    public async Task GetBaselineAsync_CustomBaseline_ReturnsRulesAndLists()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var id = await CreateBaselineAsync(host, "win-prod");
        var baselines = host.Connect().GetRequiredService<IPatchBaselines>();

        var baseline = await baselines.GetBaselineAsync(id, CancellationToken.None);

        Assert.Equal("win-prod", baseline.Name);
        Assert.Equal("WINDOWS", baseline.OperatingSystem);
        var rule = Assert.Single(baseline.ApprovalRules);
        Assert.Equal(7, rule.ApproveAfterDays);
        Assert.Equal(["Critical", "Important"], rule.Filters["MSRC_SEVERITY"]);
        Assert.Equal(["KB5000001"], baseline.RejectedPatches);
    }

    [Fact]
    public async Task RegisterPatchGroupAsync_Twice_RegistersOnceAndReportsTheSecondAsAlreadyRegistered()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var id = await CreateBaselineAsync(host, "win-prod");
        var baselines = host.Connect().GetRequiredService<IPatchBaselines>();

        var first = await baselines.RegisterPatchGroupAsync(id, "Prod", CancellationToken.None);
        var second = await baselines.RegisterPatchGroupAsync(id, "Prod", CancellationToken.None);
        var lookup = await baselines.GetBaselineForPatchGroupAsync("Prod", "WINDOWS", CancellationToken.None);

        Assert.False(first.AlreadyRegistered);
        Assert.True(second.AlreadyRegistered);
        Assert.Equal(id, lookup.BaselineId);
        Assert.Equal(1, (await host.CounterAsync("SSM.RegisterPatchBaselineForPatchGroup")).Calls);
    }

    [Fact]
    public async Task RegisterPatchGroupAsync_GroupTakenByAnotherBaseline_ThrowsPermanentNamingIt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var taken = await CreateBaselineAsync(host, "win-prod");
        var other = await CreateBaselineAsync(host, "win-prod-2");
        var baselines = host.Connect().GetRequiredService<IPatchBaselines>();
        await baselines.RegisterPatchGroupAsync(taken, "Prod", CancellationToken.None);

        var error = await Assert.ThrowsAsync<FleetException>(() => baselines.RegisterPatchGroupAsync(other, "Prod", CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains(taken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBaselineForPatchGroupAsync_UnregisteredGroup_ReturnsTheDefaultBaseline()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var baselines = host.Connect().GetRequiredService<IPatchBaselines>();
        var defaultId = (await baselines.ListBaselinesAsync("UBUNTU", CancellationToken.None)).Single(b => b.IsDefault).BaselineId;

        var registration = await baselines.GetBaselineForPatchGroupAsync("NoSuchGroup", "UBUNTU", CancellationToken.None);

        Assert.Equal(defaultId, registration.BaselineId);
        Assert.Equal("UBUNTU", registration.OperatingSystem);
    }

    private static async Task<string> CreateBaselineAsync(AwsConnectorTestHost host, string name)
    {
        var response = await host.Ssm().CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = name,
            OperatingSystem = Amazon.SimpleSystemsManagement.OperatingSystem.WINDOWS,
            ApprovalRules = new PatchRuleGroup
            {
                PatchRules =
                [
                    new PatchRule
                    {
                        PatchFilterGroup = new PatchFilterGroup
                        {
                            PatchFilters = [new PatchFilter { Key = PatchFilterKey.MSRC_SEVERITY, Values = ["Critical", "Important"] }],
                        },
                        ApproveAfterDays = 7,
                    },
                ],
            },
            RejectedPatches = ["KB5000001"],
        });
        return response.BaselineId;
    }
}
