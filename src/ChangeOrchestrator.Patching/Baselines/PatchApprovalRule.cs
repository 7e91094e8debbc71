namespace ChangeOrchestrator.Patching.Baselines;

/// <summary>Patches matching every filter are approved a number of days after release, or up to a date.</summary>
public sealed record PatchApprovalRule
{
    /// <summary>Filter key (CLASSIFICATION, MSRC_SEVERITY, PRODUCT, ...) to its accepted values.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; }

    public int? ApproveAfterDays { get; init; }

    public string? ApproveUntilDate { get; init; }

    public string? ComplianceLevel { get; init; }
}
