namespace ChangeOrchestrator.Patching.Policies;

/// <summary>An auto-approval rule: patches matching every filter are approved after a delay or up to a date.</summary>
public sealed record PatchRulePolicy
{
    public IReadOnlyList<PatchFilterPolicy> Filters { get; init; } = [];

    /// <summary>CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNSPECIFIED.</summary>
    public string ComplianceLevel { get; init; } = "UNSPECIFIED";

    public int? ApproveAfterDays { get; init; }

    /// <summary>YYYY-MM-DD: patches released up to this date are approved.</summary>
    public string? ApproveUntilDate { get; init; }

    /// <summary>Linux: also approve non-security updates from the repositories.</summary>
    public bool EnableNonSecurity { get; init; }
}
