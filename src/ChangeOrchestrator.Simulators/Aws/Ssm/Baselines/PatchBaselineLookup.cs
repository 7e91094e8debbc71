namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal static class PatchBaselineLookup
{
    public static PatchBaseline Find(AwsWorld world, string baselineId) =>
        world.Baselines.Find(baselineId) ?? throw SsmErrors.DoesNotExist($"Patch Baseline {baselineId} does not exist.");

    public static PatchBaseline FindCustom(AwsWorld world, string baselineId)
    {
        var baseline = Find(world, baselineId);
        return baseline.IsAwsOwned
            ? throw SsmErrors.Validation("baselineId", "AWS-owned patch baselines cannot be modified", baselineId)
            : baseline;
    }
}
