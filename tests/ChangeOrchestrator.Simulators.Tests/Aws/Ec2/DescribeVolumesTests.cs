using Amazon.EC2;
using Amazon.EC2.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ec2;

public sealed class DescribeVolumesTests
{
    [Fact]
    public async Task DescribeVolumes_ByAttachedInstance_PagesEveryVolumeOfThoseInstancesWithItsSize()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 300);
        var ec2 = host.Ec2();
        var named = (await host.NodesAsync()).Where(n => !n.Hybrid).Select(n => n.InstanceId).Take(40).ToList();
        var mapped = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = named })).Reservations
            .SelectMany(r => r.Instances)
            .SelectMany(i => i.BlockDeviceMappings.Select(b => (i.InstanceId, b.Ebs.VolumeId, b.DeviceName)))
            .ToList();

        var volumes = new List<Volume>();
        var request = new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", named)], MaxResults = 20 };
        await foreach (var volume in ec2.Paginators.DescribeVolumes(request).Volumes)
        {
            volumes.Add(volume);
        }

        // Every volume the instances map, once, with its attachment and a size; at 20 a page, in several pages.
        Assert.Equal(mapped.Select(m => m.VolumeId).Order(), volumes.Select(v => v.VolumeId).Order());
        Assert.All(volumes, v =>
        {
            Assert.Equal(VolumeState.InUse, v.State);
            Assert.True(v.Size > 0);
            var attachment = Assert.Single(v.Attachments);
            Assert.Equal(VolumeAttachmentState.Attached, attachment.State);
            Assert.Contains((attachment.InstanceId, v.VolumeId, attachment.Device), mapped);
        });
        Assert.Equal((mapped.Count + 19) / 20, (await host.CounterAsync("EC2.DescribeVolumes")).Calls);
    }

    [Fact]
    public async Task DescribeVolumes_ByIdAndSizeFilter_ReturnsTheMatchingVolumesOnly()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var ec2 = host.Ec2();
        var all = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes;
        var pick = all.Take(3).ToList();

        var byId = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [.. pick.Select(v => v.VolumeId)] })).Volumes;
        var size = pick[0].Size!.Value;
        var bySize = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("size", [size.ToString(System.Globalization.CultureInfo.InvariantCulture)])] })).Volumes;

        Assert.Equal(pick.Select(v => v.VolumeId).Order(), byId.Select(v => v.VolumeId).Order());
        Assert.Equal(all.Where(v => v.Size == size).Select(v => v.VolumeId).Order(), bySize.Select(v => v.VolumeId).Order());
    }

    [Fact]
    public async Task DescribeVolumes_UnknownMalformedIdsAndBadArguments_ThrowTheEc2ErrorCodes()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ec2 = host.Ec2();

        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["vol-0123456789abcdef0"] }));
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["volume-1"] }));
        var combination = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            VolumeIds = ["vol-0123456789abcdef0"],
            MaxResults = 5,
        }));
        var filter = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            Filters = [new Filter("favourite-colour", ["blue"])],
        }));

        Assert.Equal("InvalidVolume.NotFound", notFound.ErrorCode);
        Assert.Equal("InvalidVolumeID.Malformed", malformed.ErrorCode);
        Assert.Equal("InvalidParameterCombination", combination.ErrorCode);
        Assert.Equal("InvalidParameterValue", filter.ErrorCode);
    }
}
