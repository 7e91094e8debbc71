using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class PatchComplianceTests
{
    [Fact]
    public async Task DescribeInstancePatchStates_ScannedNodes_ReturnEveryRequiredField()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var ids = (await host.NodesAsync("?managed=true")).Select(n => n.InstanceId).Take(30).ToList();

        var states = (await host.Ssm().DescribeInstancePatchStatesAsync(new DescribeInstancePatchStatesRequest { InstanceIds = ids, MaxResults = 50 })).InstancePatchStates;

        Assert.NotEmpty(states);
        Assert.True(states.Count <= ids.Count);
        Assert.All(states, s =>
        {
            Assert.Contains(s.PatchGroup, new[] { "Dev", "Test", "Prod" });
            Assert.StartsWith("pb-", s.BaselineId, StringComparison.Ordinal);
            Assert.Equal("Scan", s.Operation.Value);
            Assert.True(s.OperationEndTime >= s.OperationStartTime);
            Assert.NotNull(s.MissingCount);
            Assert.NotNull(s.CriticalNonCompliantCount);
        });
    }

    [Fact]
    public async Task DescribeInstancePatchStatesForPatchGroup_MissingCountFilter_ReturnsOnlyNonCompliantNodesOfTheGroup()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 300);
        var prod = (await host.NodesAsync("?patchGroup=Prod")).Select(n => n.InstanceId).ToHashSet();
        var ssm = host.Ssm();

        var states = new List<InstancePatchState>();
        await foreach (var state in ssm.Paginators.DescribeInstancePatchStatesForPatchGroup(new DescribeInstancePatchStatesForPatchGroupRequest
        {
            PatchGroup = "Prod",
            Filters = [new InstancePatchStateFilter { Key = "MissingCount", Values = ["0"], Type = InstancePatchStateOperatorType.GreaterThan }],
        }).InstancePatchStates)
        {
            states.Add(state);
        }

        Assert.NotEmpty(states);
        Assert.All(states, s =>
        {
            Assert.Contains(s.InstanceId, prod);
            Assert.True(s.MissingCount > 0);
        });
    }

    [Fact]
    public async Task DescribeInstancePatches_MissingFilter_ReturnsMissingPatchesWithCvesAndPages()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await PatchingTests.NodeWithMissingPatchesAsync(host, ssm, "Windows");
        var missingCount = (await PatchingTests.StateAsync(ssm, node)).MissingCount;

        var patches = new List<PatchComplianceData>();
        await foreach (var patch in ssm.Paginators.DescribeInstancePatches(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            MaxResults = 10,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing"] }],
        }).Patches)
        {
            patches.Add(patch);
        }

        Assert.Equal(missingCount, patches.Count);
        Assert.All(patches, p =>
        {
            // "Missing" matches the SDK constant ignoring case, so the SDK hands back the constant itself.
            Assert.Equal(PatchComplianceDataState.MISSING, p.State);
            Assert.Matches("^KB[0-9]+$", p.KBId);
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), p.InstalledTime!.Value.ToUniversalTime());
        });
        Assert.Contains(patches, p => p.CVEIds is { Length: > 0 } cves && cves.Split(',').All(c => c.StartsWith("CVE-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DescribeInstancePatches_UnknownNodeOrFilter_ThrowsTheServiceErrors()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync("?managed=true")).First().InstanceId;
        var ssm = host.Ssm();

        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest { InstanceId = "i-0fffffffffffffff0" }));
        await Assert.ThrowsAsync<InvalidFilterException>(() => ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            Filters = [new PatchOrchestratorFilter { Key = "Vendor", Values = ["Contoso"] }],
        }));
    }
}
