using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;

internal sealed class DescribeReplaceRootVolumeTasksAction : IEc2Action
{
    public string Name => "DescribeReplaceRootVolumeTasks";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = input.List("ReplaceRootVolumeTaskId");
        var tasks = ids.Count > 0
            ? ids.Distinct(StringComparer.Ordinal).Select(id => world.Ec2.RootVolumeTasks.GetValueOrDefault(id)
                ?? throw new Ec2ServiceException("InvalidReplaceRootVolumeTaskId.NotFound", $"The replace root volume task ID '{id}' does not exist.")).ToList()
            : [.. world.Ec2.RootVolumeTasks.Values];
        var filtered = Ec2Filter.Apply(tasks, input.Filters(), (t, name) => name == "instance-id" ? [t.InstanceId] : null);
        var page = Ec2Paging.Page(input, world, filtered, 1, 50);
        input.ThrowIfDryRun();
        var now = world.Now;
        return
        [
            Ec2Xml.Items("replaceRootVolumeTaskSet", page.Items.Select(t => Ec2Xml.Item(RootVolumeTaskXml.Fields(t, now)))),
            .. Ec2Paging.NextToken(page.NextToken),
        ];
    }
}
