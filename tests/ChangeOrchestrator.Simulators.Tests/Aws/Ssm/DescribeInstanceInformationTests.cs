using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class DescribeInstanceInformationTests
{
    [Fact]
    public async Task DescribeInstanceInformation_SdkPaginatorOverFiveThousandNodes_ReturnsEveryManagedNodeOnce()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 5_000);
        var managed = (await host.NodesAsync("?managed=true&limit=50000")).Select(n => n.InstanceId).ToHashSet();
        var ssm = host.Ssm();

        var seen = new List<string>();
        await foreach (var info in ssm.Paginators.DescribeInstanceInformation(new DescribeInstanceInformationRequest { MaxResults = 50 }).InstanceInformationList)
        {
            seen.Add(info.InstanceId);
        }

        Assert.Equal(managed.Count, seen.Count);
        Assert.True(managed.SetEquals(seen));
        Assert.Equal((managed.Count + 49) / 50, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
    }

    [Fact]
    public async Task DescribeInstanceInformation_TagFilterPagedToTheEnd_ReturnsEveryTaggedNodeOnceWithoutAnEmptyLastPage()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 2_000);
        var expected = (await host.NodesAsync("?patchGroup=Prod&managed=true&limit=50000")).Select(n => n.InstanceId).ToHashSet();
        var ssm = host.Ssm();

        var seen = new List<string>();
        var request = new DescribeInstanceInformationRequest { Filters = [new InstanceInformationStringFilter { Key = "tag:Patch Group", Values = ["Prod"] }], MaxResults = 50 };
        await foreach (var info in ssm.Paginators.DescribeInstanceInformation(request).InstanceInformationList)
        {
            seen.Add(info.InstanceId);
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, seen.Count);
        Assert.True(expected.SetEquals(seen));
        Assert.Equal((expected.Count + 49) / 50, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
    }

    [Fact]
    public async Task DescribeInstanceInformation_NoMaxResults_ReturnsPagesOfTen()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var page = await host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());

        Assert.Equal(10, page.InstanceInformationList.Count);
        Assert.False(string.IsNullOrEmpty(page.NextToken));
    }

    [Theory]
    [InlineData(100)]
    public async Task DescribeInstanceInformation_MaxResultsAboveLimit_IsClampedOrRejectedWhenStrict(int maxResults)
    {
        await using var lenient = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        await using var strict = await AwsSimulatorTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Simulators:Aws:StrictPageSizeLimits"] = "true" });

        var clamped = await lenient.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest { MaxResults = maxResults });
        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            strict.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest { MaxResults = maxResults }));

        Assert.Equal(50, clamped.InstanceInformationList.Count);
        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeInstanceInformation_PingStatusAndPlatformFilters_ReturnOnlyMatchingNodes()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 400);
        var ssm = host.Ssm();

        var offline = await AllAsync(ssm, [new InstanceInformationStringFilter { Key = "PingStatus", Values = ["ConnectionLost"] }]);
        var windows = await AllAsync(ssm, [new InstanceInformationStringFilter { Key = "PlatformTypes", Values = ["Windows"] }]);
        var hybrid = await AllAsync(ssm, [new InstanceInformationStringFilter { Key = "ResourceType", Values = ["ManagedInstance"] }]);

        Assert.NotEmpty(offline);
        Assert.All(offline, i => Assert.Equal("ConnectionLost", i.PingStatus.Value));
        Assert.NotEmpty(windows);
        Assert.All(windows, i => Assert.Equal("Windows", i.PlatformType.Value));
        Assert.NotEmpty(hybrid);
        Assert.All(hybrid, i =>
        {
            Assert.StartsWith("mi-", i.InstanceId, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(i.ActivationId));
            Assert.NotNull(i.RegistrationDate);
        });
    }

    [Fact]
    public async Task DescribeInstanceInformation_TagFilter_MatchesPatchGroup()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 200);
        var expected = (await host.NodesAsync("?patchGroup=Prod&managed=true")).Select(n => n.InstanceId).ToHashSet();

        var prod = await AllAsync(host.Ssm(), [new InstanceInformationStringFilter { Key = "tag:Patch Group", Values = ["Prod"] }]);

        Assert.True(expected.SetEquals(prod.Select(i => i.InstanceId)));
    }

    [Fact]
    public async Task DescribeInstanceInformation_DeprecatedFilterList_IsStillHonoured()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ids = (await host.NodesAsync("?managed=true")).Take(2).Select(n => n.InstanceId).ToList();

        var response = await host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            InstanceInformationFilterList = [new InstanceInformationFilter { Key = InstanceInformationFilterKey.InstanceIds, ValueSet = ids }],
        });

        Assert.Equal(ids, response.InstanceInformationList.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstanceInformation_InstanceIdsWithPingStatus_ReturnsTheNamedMatchingNodesInFleetOrder()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 400);
        var managed = await host.NodesAsync("?managed=true&limit=400");
        var named = managed.Where((_, i) => i % 3 == 0).ToList();
        Assert.Contains(named, n => n.PingStatus != "Online");
        // Named out of order, one twice, and one id that no node has: the answer is in the fleet's order, each node once.
        List<string> ids = [.. named.Select(n => n.InstanceId).Reverse(), named[0].InstanceId, "i-0fedcba9876543210"];

        var online = await AllAsync(host.Ssm(),
        [
            new InstanceInformationStringFilter { Key = "InstanceIds", Values = ids },
            new InstanceInformationStringFilter { Key = "PingStatus", Values = ["Online"] },
        ]);

        Assert.Equal(named.Where(n => n.PingStatus == "Online").Select(n => n.InstanceId), online.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstanceInformation_TagFilterMixedWithOtherKey_ThrowsInvalidFilterKey()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidFilterKeyException>(() => host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters =
            [
                new InstanceInformationStringFilter { Key = "tag:Patch Group", Values = ["Prod"] },
                new InstanceInformationStringFilter { Key = "PingStatus", Values = ["Online"] },
            ],
        }));
    }

    [Theory]
    [InlineData("tag:")]
    [InlineData("tag-keys")]
    [InlineData("Tag Key")]
    [InlineData("tagKey")]
    public async Task DescribeInstanceInformation_FilterKeyNamingNoTag_ThrowsInvalidFilterKey(string key)
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidFilterKeyException>(() => host.Ssm().DescribeInstanceInformationAsync(
            new DescribeInstanceInformationRequest { Filters = [new InstanceInformationStringFilter { Key = key, Values = ["Prod"] }] }));
    }

    [Fact]
    public async Task DescribeInstanceInformation_TagFilterWithSmallestPage_ReturnsAPageOfTaggedNodesAndAToken()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 200, settings: new Dictionary<string, string?> { ["Simulators:Aws:StrictPageSizeLimits"] = "true" });
        var prod = (await host.NodesAsync("?patchGroup=Prod&managed=true")).Select(n => n.InstanceId).ToHashSet();

        var page = await host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "tag:Patch Group", Values = ["Prod"] }],
            MaxResults = 5,
        });

        Assert.Equal(5, page.InstanceInformationList.Count);
        Assert.All(page.InstanceInformationList, i => Assert.Contains(i.InstanceId, prod));
        Assert.False(string.IsNullOrEmpty(page.NextToken));
    }

    [Fact]
    public async Task DescribeInstanceInformation_InvalidPingStatusValue_ThrowsInvalidFilterValue()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidInstanceInformationFilterValueException>(() => host.Ssm().DescribeInstanceInformationAsync(
            new DescribeInstanceInformationRequest { Filters = [new InstanceInformationStringFilter { Key = "PingStatus", Values = ["Sleeping"] }] }));
    }

    [Fact]
    public async Task DescribeInstanceInformation_ForgedNextToken_ThrowsInvalidNextToken()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidNextTokenException>(() =>
            host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest { NextToken = "not-a-token" }));
    }

    private static async Task<List<InstanceInformation>> AllAsync(IAmazonSimpleSystemsManagement ssm, List<InstanceInformationStringFilter> filters)
    {
        var all = new List<InstanceInformation>();
        await foreach (var info in ssm.Paginators.DescribeInstanceInformation(new DescribeInstanceInformationRequest { Filters = filters, MaxResults = 50 }).InstanceInformationList)
        {
            all.Add(info);
        }

        return all;
    }
}
