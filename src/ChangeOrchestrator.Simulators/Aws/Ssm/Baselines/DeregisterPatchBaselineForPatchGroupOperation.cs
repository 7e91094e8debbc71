using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class DeregisterPatchBaselineForPatchGroupOperation : ISsmOperation
{
    public string Name => "DeregisterPatchBaselineForPatchGroup";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.Find(world, input.RequiredString("BaselineId"));
        var group = input.RequiredString("PatchGroup");
        if (world.Baselines.RegisteredFor(group, baseline.OperatingSystem) != baseline.BaselineId)
        {
            throw new SsmServiceException("InvalidResourceId", $"Patch Group {group} is not registered with baseline {baseline.BaselineId}.");
        }

        world.Baselines.Deregister(group, baseline);
        return new JsonObject { ["BaselineId"] = baseline.BaselineId, ["PatchGroup"] = group };
    }
}
