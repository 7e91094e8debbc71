using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Compliance;

public sealed class PatchReleaseDatesTests
{
    [Fact]
    public async Task GetMissingPatchesAsync_ServersOfSeveralOperatingSystems_CarryReleaseDatesLookedUpOncePerPatch()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var ids = (await host.NodesAsync("&managed=true")).Select(n => n.InstanceId).ToList();
        var states = (await fleet.GetPatchStatesAsync(ids, CancellationToken.None)).Where(s => s.MissingCount > 0).ToList();
        var servers = states.Where(s => s.PatchGroup is not null).Select(s => s.InstanceId).Take(6).ToList();

        var missing = new List<Patching.Compliance.MissingPatch>();
        foreach (var id in servers)
        {
            missing.AddRange(await fleet.GetMissingPatchesAsync(id, CancellationToken.None));
        }

        var lookups = (await host.CounterAsync("SSM.DescribeAvailablePatches")).Calls;
        foreach (var id in servers)
        {
            await fleet.GetMissingPatchesAsync(id, CancellationToken.None);
        }

        Assert.NotEmpty(missing);
        Assert.All(missing, p => Assert.True(p.ReleaseDate is { } released && released <= TimeProvider.System.GetUtcNow().AddDays(1), $"{p.Id}: {p.ReleaseDate:O}"));
        // Microsoft's cumulative updates come out on Patch Tuesday, their previews two weeks later: also a Tuesday.
        Assert.All(missing.Where(p => p.Title.Contains("Cumulative Update for", StringComparison.Ordinal)), p => Assert.Equal(DayOfWeek.Tuesday, p.ReleaseDate!.Value.DayOfWeek));
        var distinct = missing.Select(p => p.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        Assert.InRange(lookups, 1, (distinct + 19) / 20 + servers.Count);
        Assert.Equal(lookups, (await host.CounterAsync("SSM.DescribeAvailablePatches")).Calls);
    }
}
