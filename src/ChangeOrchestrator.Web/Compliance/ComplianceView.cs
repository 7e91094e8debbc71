using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;

namespace ChangeOrchestrator.Web.Compliance;

/// <summary>Everything the compliance page shows for one set of filters and one trend period, read at one moment.</summary>
public sealed record ComplianceView
{
    public required IReadOnlyList<ComplianceTrendPoint> Trend { get; init; }

    /// <summary>Non-compliant servers at their last scan, critical ones and pending reboots first.</summary>
    public required IReadOnlyList<ServerComplianceState> Servers { get; init; }

    /// <summary>Missing patches that breached their SLA, are due soon, or are excepted (shown with the exception).</summary>
    public required IReadOnlyList<SlaFinding> Sla { get; init; }

    public required IReadOnlyList<TopMissingPatch> TopPatches { get; init; }

    public required IReadOnlyList<RemediationTime> Remediation { get; init; }

    public required IReadOnlyList<ChangeSuccessRow> Changes { get; init; }
}
