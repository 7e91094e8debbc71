namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>One day of one patch group: its servers as they stood at the day's last scan.</summary>
public sealed record ComplianceTrendPoint
{
    public required DateOnly Day { get; init; }

    public required string PatchGroup { get; init; }

    public required int Servers { get; init; }

    public required int Compliant { get; init; }

    public required int CriticalNonCompliant { get; init; }

    public required int PendingReboot { get; init; }

    public required int MissingPatches { get; init; }

    public double CompliancePercent => Servers == 0 ? 100 : Math.Round(100.0 * Compliant / Servers, 1);
}
