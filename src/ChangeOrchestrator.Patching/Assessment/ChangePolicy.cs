using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>How changes to one environment are classified before the severities found are taken into account.</summary>
internal sealed record ChangePolicy(ChangeType ChangeType, ChangeRisk Risk, ChangeImpact Impact, bool RequiresApproval)
{
    /// <summary>Dev is pre-authorised; Test and Prod go to the CAB; an environment nobody described is treated as production.</summary>
    public static IReadOnlyDictionary<string, ChangePolicy> Defaults { get; } = new Dictionary<string, ChangePolicy>(StringComparer.OrdinalIgnoreCase)
    {
        ["Dev"] = new(ChangeType.Standard, ChangeRisk.Low, ChangeImpact.Low, RequiresApproval: false),
        ["Test"] = new(ChangeType.Normal, ChangeRisk.Medium, ChangeImpact.Medium, RequiresApproval: true),
        ["Prod"] = new(ChangeType.Normal, ChangeRisk.High, ChangeImpact.High, RequiresApproval: true),
    };

    public static ChangePolicy Unknown { get; } = new(ChangeType.Normal, ChangeRisk.High, ChangeImpact.High, RequiresApproval: true);

    /// <summary>Production-like: the criticality at which critical vulnerabilities may make the change an emergency.</summary>
    public bool IsCritical => Risk >= ChangeRisk.High;
}
