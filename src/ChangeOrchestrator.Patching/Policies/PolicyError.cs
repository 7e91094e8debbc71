namespace ChangeOrchestrator.Patching.Policies;

/// <summary>One thing wrong with a policy, with the file, line and field (e.g. <c>baselines[win-prod].approvalRules.patchRules[0].approveAfterDays</c>) at fault.</summary>
public sealed record PolicyError(string File, int Line, string Field, string Message)
{
    public static PolicyError At(SourceLocation location, string field, string message) => new(location.File, location.Line, field, message);

    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
