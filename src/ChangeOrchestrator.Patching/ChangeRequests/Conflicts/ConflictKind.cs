namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

public enum ConflictKind
{
    /// <summary>Another open change on one of the same servers whose planned dates overlap.</summary>
    Change,

    /// <summary>A blackout schedule: no change may run while it holds.</summary>
    Blackout,

    /// <summary>A maintenance schedule that overlaps: reported for the change manager, never blocking.</summary>
    Maintenance,
}
