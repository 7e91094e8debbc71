using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>A policy applied through a standard change: the change, its outcome or why it was refused, and what was applied.</summary>
public sealed record PolicyChangeReport(
    string? Change,
    string? Outcome,
    string? Refusal,
    PolicyPlanReport Plan,
    IEnumerable<string> Applied,
    IReadOnlyList<PolicyError> Errors);
