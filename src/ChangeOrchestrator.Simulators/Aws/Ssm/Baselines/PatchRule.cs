namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>An approval rule: patches matching every filter are approved after a delay or up to a release date.</summary>
internal sealed record PatchRule(
    IReadOnlyList<PatchFilter> Filters,
    string ComplianceLevel,
    int? ApproveAfterDays,
    string? ApproveUntilDate,
    bool EnableNonSecurity);
