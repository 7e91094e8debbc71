namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>Patch changes of one desk and patch group closed in one week.</summary>
public sealed record ChangeSuccessRow
{
    /// <summary>The Monday (UTC) of the week.</summary>
    public required DateOnly Week { get; init; }

    public required string Desk { get; init; }

    public required string PatchGroup { get; init; }

    public required int Successful { get; init; }

    public required int SuccessfulWithIssues { get; init; }

    public required int Unsuccessful { get; init; }

    public required int RolledBackServers { get; init; }

    public required double MedianDurationMinutes { get; init; }

    public int Total => Successful + SuccessfulWithIssues + Unsuccessful;

    public double SuccessPercent => Total == 0 ? 0 : Math.Round(100.0 * Successful / Total, 1);
}
