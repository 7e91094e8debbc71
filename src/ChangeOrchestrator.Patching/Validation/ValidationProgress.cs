using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Validation;

/// <summary>
/// Where a validation stands, kept in the activity's state: the attempt, the servers it checks, the command sent for
/// it, whether it waits before the next attempt, and each server's latest results.
/// </summary>
internal sealed record ValidationProgress
{
    public required int Attempt { get; init; }

    public required IReadOnlyList<string> Targets { get; init; }

    public FleetCommandReference? Command { get; init; }

    public bool WaitingForRetry { get; init; }

    public required IReadOnlyDictionary<string, InstanceValidation> Results { get; init; }
}
