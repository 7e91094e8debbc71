namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>
/// A value of the patch group's policy that a workflow input replaced for one run: the field, what the policy says,
/// what the run used, and who started the run (null when that is not known, e.g. a run started by the engine).
/// </summary>
public sealed record PolicyOverride(string Field, string? PolicyValue, string Value, string? StartedBy);
