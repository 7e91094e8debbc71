using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Fleet;

public sealed class FleetGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeedAndSize_GivesTheSameFleet()
    {
        var first = FleetGenerator.Generate(new AwsSimulatorOptions(), 200, 42, Now);
        var second = FleetGenerator.Generate(new AwsSimulatorOptions(), 200, 42, Now);

        Assert.Equal(first.Nodes.Select(Describe), second.Nodes.Select(Describe));
        Assert.Equal(
            first.Nodes.Select(n => n.Patches[0]).ToList(),
            second.Nodes.Select(n => n.Patches[0]).ToList());
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentIds()
    {
        var first = FleetGenerator.Generate(new AwsSimulatorOptions(), 50, 1, Now);
        var second = FleetGenerator.Generate(new AwsSimulatorOptions(), 50, 2, Now);

        Assert.Empty(first.Nodes.Select(n => n.InstanceId).Intersect(second.Nodes.Select(n => n.InstanceId)));
    }

    [Fact]
    public void Generate_FiftyThousandNodes_HasUniqueWellFormedIds()
    {
        var fleet = FleetGenerator.Generate(new AwsSimulatorOptions(), 50_000, 9, Now);

        Assert.Equal(50_000, fleet.Nodes.Count);
        Assert.Equal(50_000, fleet.Nodes.Select(n => n.InstanceId).Distinct().Count());
        Assert.All(fleet.Nodes, n => Assert.Matches("^(i|mi)-[0-9a-f]{17}$", n.InstanceId));
        var volumes = fleet.Nodes.SelectMany(n => n.Ec2?.Volumes ?? []).Select(v => v.VolumeId).ToList();
        Assert.Equal(volumes.Count, volumes.Distinct().Count());
    }

    [Fact]
    public void Generate_DefaultShares_CoverGroupsPlatformsHybridOfflineUnmanagedAndVolumes()
    {
        var fleet = FleetGenerator.Generate(new AwsSimulatorOptions(), 2_000, 3, Now);

        Assert.Equal(["Dev", "Prod", "Test"], fleet.Nodes.Select(n => n.PatchGroup!).Distinct().Order().ToArray());
        Assert.Equal(OperatingSystemProfiles.All.Count, fleet.Nodes.Select(n => n.Os.Key).Distinct().Count());
        Assert.Contains(fleet.Nodes, n => n.IsHybrid && n.InstanceId.StartsWith("mi-", StringComparison.Ordinal) && n.Ec2 is null);
        Assert.Contains(fleet.Nodes, n => n.IsManaged && !n.IsOnline(Now));
        Assert.Contains(fleet.Nodes, n => !n.IsManaged && n.Ec2 is not null);
        Assert.All(fleet.Nodes.Where(n => n.Ec2 is not null), n =>
        {
            Assert.NotNull(n.Ec2!.RootVolume);
            Assert.Contains(n.Ec2.Volumes, v => !v.IsRoot);
        });
        Assert.All(fleet.Nodes, n => Assert.True(new[] { "Name", "Environment", "Patch Group", "Owner", "Application" }.All(n.Tags.ContainsKey)));
    }

    [Fact]
    public void Generate_PatchState_HasMissingAndInstalledUpdatesWithCves()
    {
        var fleet = FleetGenerator.Generate(new AwsSimulatorOptions(), 300, 5, Now);

        var conditions = fleet.Nodes.SelectMany(n => Enumerable.Range(0, n.Catalog.Patches.Count).Select(i => n.Patches[i])).ToList();
        Assert.Contains(PatchCondition.NotInstalled, conditions);
        Assert.Contains(PatchCondition.Installed, conditions);
        Assert.Contains(PatchCondition.Failed, conditions);
        var windows = fleet.Catalogs["WindowsServer2022"].Patches;
        Assert.Contains(windows, p => p.KbId.StartsWith("KB", StringComparison.Ordinal) && p.Classification == "SecurityUpdates" && p.CveIds.Count > 0);
        var linux = fleet.Catalogs["AmazonLinux2023"].Patches;
        Assert.Contains(linux, p => p.KbId == "openssl.x86_64" && p.Title.StartsWith("openssl.x86_64:1:", StringComparison.Ordinal));
        Assert.All(linux.Where(p => p.IsSecurity), p => Assert.All(p.CveIds, c => Assert.Matches("^CVE-[0-9]{4}-[0-9]{5}$", c)));
    }

    private static string Describe(FleetNode node) =>
        $"{node.InstanceId}|{node.Name}|{node.Os.Key}|{node.PatchGroup}|{node.IsManaged}|{node.IsOnline(Now)}|{string.Join(',', node.Ec2?.Volumes.Select(v => v.VolumeId) ?? [])}";
}
