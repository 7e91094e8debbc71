namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A patch baseline as declared, with the members of SSM CreatePatchBaseline; its name is its identity.</summary>
public sealed record BaselinePolicy
{
    public required string Name { get; init; }

    /// <summary>WINDOWS, AMAZON_LINUX_2023, UBUNTU, ... as SSM spells it.</summary>
    public required string OperatingSystem { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<PatchRulePolicy> ApprovalRules { get; init; } = [];

    public IReadOnlyList<string> ApprovedPatches { get; init; } = [];

    public string ApprovedPatchesComplianceLevel { get; init; } = "UNSPECIFIED";

    public bool ApprovedPatchesEnableNonSecurity { get; init; }

    public IReadOnlyList<string> RejectedPatches { get; init; } = [];

    /// <summary>ALLOW_AS_DEPENDENCY (the service's default) or BLOCK.</summary>
    public string RejectedPatchesAction { get; init; } = "ALLOW_AS_DEPENDENCY";

    public IReadOnlyList<PatchFilterPolicy> GlobalFilters { get; init; } = [];

    public IReadOnlyList<PatchSourcePolicy> Sources { get; init; } = [];

    /// <summary>Windows: COMPLIANT or NON_COMPLIANT for security updates that are available but not approved.</summary>
    public string? AvailableSecurityUpdatesComplianceStatus { get; init; }

    /// <summary>Where the baseline is declared; null for one read from SSM.</summary>
    public SourceLocation? Location { get; init; }
}
