namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// The AWS-RunPatchBaseline task a window runs on a patch group's target: <paramref name="Operation"/> Install only
/// for a group whose changes are pre-approved standard changes, else Scan (see <see cref="WindowParts"/>).
/// </summary>
public sealed record WindowTaskSpec(string WindowName, string PatchGroup, string Name, string TargetName, string Operation, string MaxConcurrency, string MaxErrors)
{
    public const string Document = "AWS-RunPatchBaseline";

    public string RebootOption => Operation == "Install" ? "RebootIfNeeded" : "NoReboot";
}
