using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class GetDefaultPatchBaselineOperation : ISsmOperation
{
    public string Name => "GetDefaultPatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var os = PatchBaselineInput.OperatingSystem(input);
        return new JsonObject { ["BaselineId"] = world.Baselines.DefaultFor(os).BaselineId, ["OperatingSystem"] = os };
    }
}
