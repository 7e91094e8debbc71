using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

/// <summary>DescribeImages over the account's images and the vendor images the fleet runs.</summary>
internal sealed class DescribeImagesAction : IEc2Action
{
    public string Name => "DescribeImages";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = Ec2Paging.Ids(input, "ImageId", "ImageIds", "MaxResults");

        var account = world.Options.AccountId;
        var owners = input.List("Owner");
        var images = ids.Count > 0 ? ids.Distinct(StringComparer.Ordinal).Select(world.Ec2.FindImage).ToList() : [.. world.Ec2.Images.Values];
        if (owners.Count > 0)
        {
            images = images.FindAll(i => owners.Any(owner => owner switch
            {
                "self" => i.OwnerId == account,
                "amazon" => i.IsPublic,
                _ => i.OwnerId == owner,
            }));
        }

        var now = world.Now;
        var filtered = Ec2Filter.Apply(images, input.Filters(), (i, name) => name switch
        {
            "name" => [i.Name],
            "state" => [i.State(now)],
            "image-id" => [i.ImageId],
            "owner-id" => [i.OwnerId],
            "block-device-mapping.snapshot-id" => i.BlockDevices.Select(d => d.SnapshotId),
            "platform" => i.IsWindows ? ["windows"] : [],
            "architecture" => ["x86_64"],
            "is-public" => [Ec2Xml.Bool(i.IsPublic)],
            "image-type" => ["machine"],
            "root-device-type" => ["ebs"],
            _ => Ec2Filter.TagAttribute(i.Tags, name),
        });
        var page = Ec2Paging.Page(input, world, filtered, 6, 1000);
        input.ThrowIfDryRun();
        return
        [
            Ec2Xml.Items("imagesSet", page.Items.Select(i => ImageXml.Image(i, now))),
            .. Ec2Paging.NextToken(page.NextToken),
        ];
    }
}
