using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>One EC2 Query action; returns the elements under <c>&lt;{Action}Response&gt;</c> after <c>requestId</c>.</summary>
internal interface IEc2Action
{
    string Name { get; }

    IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world);
}
