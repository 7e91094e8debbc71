using Amazon.EC2;
using Amazon.EC2.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ec2;

public sealed class DescribeInstancesTests
{
    [Fact]
    public async Task DescribeInstances_SdkPaginator_ReturnsEveryEc2InstanceButNoOnPremisesNode()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 300);
        var expected = (await host.NodesAsync()).Where(n => !n.Hybrid).Select(n => n.InstanceId).ToHashSet();

        var seen = new List<string>();
        await foreach (var reservation in host.Ec2().Paginators.DescribeInstances(new DescribeInstancesRequest { MaxResults = 100 }).Reservations)
        {
            seen.AddRange(reservation.Instances.Select(i => i.InstanceId));
        }

        Assert.Equal(expected.Count, seen.Count);
        Assert.True(expected.SetEquals(seen));
        Assert.Equal(3, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
    }

    [Fact]
    public async Task DescribeInstances_TagFilterPagedToTheEnd_ReturnsEveryTaggedInstanceOnceWithoutAnEmptyLastPage()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 600);
        var expected = (await host.NodesAsync("?patchGroup=Test")).Where(n => !n.Hybrid).Select(n => n.InstanceId).ToHashSet();

        var seen = new List<string>();
        var request = new DescribeInstancesRequest { Filters = [new Filter("tag:Patch Group", ["Test"])], MaxResults = 5 };
        await foreach (var reservation in host.Ec2().Paginators.DescribeInstances(request).Reservations)
        {
            seen.AddRange(reservation.Instances.Select(i => i.InstanceId));
        }

        Assert.True(expected.Count > 5);
        Assert.Equal(expected.Count, seen.Count);
        Assert.True(expected.SetEquals(seen));
        Assert.Equal((expected.Count + 4) / 5, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
    }

    [Fact]
    public async Task DescribeInstances_TagAndStateFilters_ReturnMatchingInstancesWithVolumesAndTags()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 200);
        var expected = (await host.NodesAsync("?patchGroup=Test")).Where(n => !n.Hybrid).Select(n => n.InstanceId).ToHashSet();

        var response = await host.Ec2().DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("tag:Patch Group", ["Test"]), new Filter("instance-state-name", ["running"])],
        });
        var instances = response.Reservations.SelectMany(r => r.Instances).ToList();

        Assert.True(expected.SetEquals(instances.Select(i => i.InstanceId)));
        Assert.All(instances, i =>
        {
            Assert.Equal(InstanceStateName.Running, i.State.Name);
            Assert.Contains(i.Tags, t => t.Key == "Patch Group" && t.Value == "Test");
            Assert.Contains(i.BlockDeviceMappings, b => b.DeviceName == i.RootDeviceName && b.Ebs.VolumeId.StartsWith("vol-", StringComparison.Ordinal));
            Assert.True(i.BlockDeviceMappings.Count >= 2);
        });
        Assert.Contains(instances, i => i.Platform == PlatformValues.Windows);
        Assert.Contains(instances, i => i.Platform is null && i.PlatformDetails == "Linux/UNIX");
    }

    [Fact]
    public async Task DescribeInstances_UnknownAndMalformedIds_ThrowTheEc2ErrorCodes()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ec2 = host.Ec2();

        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["instance-1"] }));
        var combination = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            InstanceIds = ["i-0123456789abcdef0"],
            MaxResults = 5,
        }));

        Assert.Equal("InvalidInstanceID.NotFound", notFound.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, notFound.StatusCode);
        Assert.Equal("InvalidInstanceID.Malformed", malformed.ErrorCode);
        Assert.Equal("InvalidParameterCombination", combination.ErrorCode);
        // Client errors are not retried: three calls, three attempts.
        Assert.Equal(3, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
    }

    [Fact]
    public async Task DescribeInstances_UnknownFilter_ThrowsInvalidParameterValue()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => host.Ec2().DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("favourite-colour", ["blue"])],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task CreateTags_PatchGroupOnInstance_IsVisibleInEc2AndTargetsSsmCommands()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var node = (await host.NodesAsync("?managed=true")).First(n => !n.Hybrid && n.PingStatus == "Online");
        var ec2 = host.Ec2();

        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [node.InstanceId], Tags = [new Tag("Patch Group", "Canary")] });
        var tagged = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Patch Group", ["Canary"])] });
        var ssm = host.Ssm();
        var group = await ssm.GetPatchBaselineForPatchGroupAsync(new Amazon.SimpleSystemsManagement.Model.GetPatchBaselineForPatchGroupRequest { PatchGroup = "Canary" });
        var info = await ssm.DescribeInstanceInformationAsync(new Amazon.SimpleSystemsManagement.Model.DescribeInstanceInformationRequest
        {
            Filters = [new Amazon.SimpleSystemsManagement.Model.InstanceInformationStringFilter { Key = "tag:Patch Group", Values = ["Canary"] }],
        });

        Assert.Equal([node.InstanceId], tagged.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
        Assert.NotNull(group.BaselineId);
        Assert.Equal([node.InstanceId], info.InstanceInformationList.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_FilterWithLiteralAndWildcardValues_ReturnsInstancesMatchingEither()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var instances = (await host.NodesAsync()).Where(n => !n.Hybrid).ToList();
        var ec2 = host.Ec2();
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [instances[0].InstanceId], Tags = [new Tag("Owner Group", "payments")] });
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [instances[1].InstanceId], Tags = [new Tag("Owner Group", "payroll-eu")] });
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [instances[2].InstanceId], Tags = [new Tag("Owner Group", "pay")] });

        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Owner Group", ["payments", "payroll-*"])] });

        Assert.Equal(
            new[] { instances[0].InstanceId, instances[1].InstanceId }.Order(StringComparer.Ordinal),
            (response.Reservations ?? []).SelectMany(r => r.Instances).Select(i => i.InstanceId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Pro*", new[] { "Prod*" })]
    [InlineData("Pro\\*", new string[0])]
    [InlineData("Prod\\*", new[] { "Prod*" })]
    [InlineData("Prod\\?", new string[0])]
    public async Task DescribeInstances_TagFilterWithWildcards_ReadsABackslashedWildcardAsTheCharacter(string value, string[] expectedGroups)
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var node = (await host.NodesAsync()).First(n => !n.Hybrid && n.Ec2State == "running");
        var ec2 = host.Ec2();
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [node.InstanceId], Tags = [new Tag("Owner Group", "Prod*")] });

        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Owner Group", [value])] });

        Assert.Equal(expectedGroups, (response.Reservations ?? []).SelectMany(r => r.Instances).Select(i => i.Tags.Single(t => t.Key == "Owner Group").Value));
    }
}
