namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>One field that differs: its value in SSM (null when unset) and in the policy (null when unset).</summary>
public sealed record FieldChange(string Field, string? Current, string? Desired)
{
    public override string ToString() => $"{Field}: {Current ?? "(unset)"} -> {Desired ?? "(unset)"}";
}
