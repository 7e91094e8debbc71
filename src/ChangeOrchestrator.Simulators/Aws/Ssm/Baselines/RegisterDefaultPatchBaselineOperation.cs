using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class RegisterDefaultPatchBaselineOperation : ISsmOperation
{
    public string Name => "RegisterDefaultPatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.Find(world, input.RequiredString("BaselineId"));
        world.Baselines.SetDefault(baseline);
        return new JsonObject { ["BaselineId"] = baseline.BaselineId };
    }
}
