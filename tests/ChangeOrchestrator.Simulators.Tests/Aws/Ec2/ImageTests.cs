using Amazon.EC2;
using Amazon.EC2.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ec2;

public sealed class ImageTests
{
    [Fact]
    public async Task CreateImage_Instance_IsPendingThenAvailableWithOneSnapshotPerVolume()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        var ec2 = host.Ec2();

        var created = await ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = node.InstanceId,
            Name = "pre-patch-" + node.Name,
            NoReboot = true,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("purpose", "rollback")] }],
        });
        var pending = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] })).Images.Single();
        host.Advance(TimeSpan.FromHours(1));
        var own = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("tag:purpose", ["rollback"])] })).Images.Single();
        var vendor = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] });
        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateImageAsync(new CreateImageRequest { InstanceId = node.InstanceId, Name = "pre-patch-" + node.Name }));

        Assert.Matches("^ami-[0-9a-f]{17}$", created.ImageId);
        Assert.Equal(ImageState.Pending, pending.State);
        Assert.Equal(ImageState.Available, own.State);
        Assert.Equal(node.VolumeIds.Count, own.BlockDeviceMappings.Count);
        Assert.All(own.BlockDeviceMappings, b => Assert.StartsWith("snap-", b.Ebs.SnapshotId, StringComparison.Ordinal));
        Assert.NotEmpty(vendor.Images);
        Assert.Equal("InvalidAMIName.Duplicate", duplicate.ErrorCode);
    }

    [Fact]
    public async Task DeleteSnapshot_BackingAnAvailableImage_ThrowsInUse()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        var ec2 = host.Ec2();
        var created = await ec2.CreateImageAsync(new CreateImageRequest { InstanceId = node.InstanceId, Name = "golden", NoReboot = true });
        host.Advance(TimeSpan.FromHours(1));
        var snapshot = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] })).Images[0].BlockDeviceMappings[0].Ebs.SnapshotId;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }));

        Assert.Equal("InvalidSnapshot.InUse", error.ErrorCode);
    }

    [Fact]
    public async Task CreateImage_InjectedFailure_EndsFailedWithStateReason()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        await host.PostAsync("faults/image-failure", new { instanceIds = new[] { node.InstanceId } });
        var ec2 = host.Ec2();

        var created = await ec2.CreateImageAsync(new CreateImageRequest { InstanceId = node.InstanceId, Name = "will-fail", NoReboot = true });
        host.Advance(TimeSpan.FromHours(1));
        var image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] })).Images.Single();

        Assert.Equal(ImageState.Failed, image.State);
        Assert.False(string.IsNullOrEmpty(image.StateReason.Message));
    }
}
