using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class DeletePatchBaselineOperation : ISsmOperation
{
    public string Name => "DeletePatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.FindCustom(world, input.RequiredString("BaselineId"));
        if (world.Baselines.GroupsOf(baseline).Count > 0 || world.Baselines.IsDefault(baseline))
        {
            throw new SsmServiceException("ResourceInUseException",
                $"Patch baseline {baseline.BaselineId} is registered with a patch group or is a default baseline.");
        }

        world.Baselines.Remove(baseline);
        world.ResourceTags.Remove("PatchBaseline", baseline.BaselineId);
        return new JsonObject { ["BaselineId"] = baseline.BaselineId };
    }
}
