namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>A patch baseline: AWS-owned ones are addressed by ARN, custom ones by <c>pb-</c> id.</summary>
internal sealed class PatchBaseline
{
    public required string BaselineId { get; init; }

    public required string Name { get; set; }

    public required string OperatingSystem { get; init; }

    public required bool IsAwsOwned { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset ModifiedDate { get; set; }

    public string? Description { get; set; }

    public List<PatchFilter> GlobalFilters { get; set; } = [];

    public List<PatchRule> ApprovalRules { get; set; } = [];

    public List<string> ApprovedPatches { get; set; } = [];

    public string ApprovedPatchesComplianceLevel { get; set; } = "UNSPECIFIED";

    public bool ApprovedPatchesEnableNonSecurity { get; set; }

    public List<string> RejectedPatches { get; set; } = [];

    public string RejectedPatchesAction { get; set; } = "ALLOW_AS_DEPENDENCY";

    public string? AvailableSecurityUpdatesComplianceStatus { get; set; }

    /// <summary>Kept as sent and echoed back: sources only matter to the agent's package manager.</summary>
    public System.Text.Json.Nodes.JsonArray? Sources { get; set; }

    public string? ClientToken { get; init; }

    /// <summary>The create request as received, to tell a retried create from a conflicting one.</summary>
    public string? CreateFingerprint { get; init; }

    public string ShortId => BaselineId[(BaselineId.LastIndexOf('/') + 1)..];
}
