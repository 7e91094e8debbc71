namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

/// <summary>What follows when a change's window conflicts with another change or a blackout.</summary>
public enum ConflictPolicy
{
    /// <summary>Move the change to the next window of its schedule free of conflicts; stop when there is none.</summary>
    NextWindow,

    /// <summary>Raise (or go on with) the change in its window, the conflicts listed on it for the change manager.</summary>
    RaiseWithConflicts,

    /// <summary>Raise nothing, or cancel the change already raised.</summary>
    Stop,
}
