using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>Unregistered groups resolve to the operating system's default baseline, without error.</summary>
internal sealed class GetPatchBaselineForPatchGroupOperation : ISsmOperation
{
    public string Name => "GetPatchBaselineForPatchGroup";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var group = input.RequiredString("PatchGroup");
        var os = PatchBaselineInput.OperatingSystem(input);
        var baseline = world.Baselines.ForGroup(group, os);
        return new JsonObject { ["BaselineId"] = baseline.BaselineId, ["PatchGroup"] = group, ["OperatingSystem"] = os };
    }
}
