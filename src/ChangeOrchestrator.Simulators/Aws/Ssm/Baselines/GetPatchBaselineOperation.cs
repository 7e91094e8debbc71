using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class GetPatchBaselineOperation : ISsmOperation
{
    public string Name => "GetPatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baselineId = input.RequiredString("BaselineId");
        if (!baselineId.StartsWith("pb-", StringComparison.Ordinal) && !baselineId.StartsWith("arn:aws:ssm:", StringComparison.Ordinal))
        {
            throw new SsmServiceException("InvalidResourceId", $"Invalid baseline id: {baselineId}");
        }

        var baseline = PatchBaselineLookup.Find(world, baselineId);
        var json = PatchBaselineJson.Baseline(baseline);
        json["PatchGroups"] = SsmJson.Strings(world.Baselines.GroupsOf(baseline));
        return json;
    }
}
