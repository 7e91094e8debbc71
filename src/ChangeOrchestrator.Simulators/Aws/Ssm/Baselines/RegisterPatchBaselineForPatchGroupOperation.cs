using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>One baseline per patch group and operating system: a second one for the same pair is AlreadyExistsException.</summary>
internal sealed class RegisterPatchBaselineForPatchGroupOperation : ISsmOperation
{
    public string Name => "RegisterPatchBaselineForPatchGroup";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.Find(world, input.RequiredString("BaselineId"));
        var group = input.RequiredString("PatchGroup");
        if (world.Baselines.RegisteredFor(group, baseline.OperatingSystem) is { } existing)
        {
            throw new SsmServiceException("AlreadyExistsException",
                $"Patch Group {group} is already registered with baseline {existing} for operating system {baseline.OperatingSystem}.");
        }

        world.Baselines.Register(group, baseline);
        return new JsonObject { ["BaselineId"] = baseline.BaselineId, ["PatchGroup"] = group };
    }
}
