using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>One SSM operation, named as in <c>X-Amz-Target: AmazonSSM.&lt;Name&gt;</c>; runs under the world's lock.</summary>
internal interface ISsmOperation
{
    string Name { get; }

    JsonObject Execute(SsmInput input, AwsWorld world);
}
