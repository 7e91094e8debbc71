namespace ChangeOrchestrator.Server.Faults;

/// <summary>What a fault drill does at its point.</summary>
internal enum FaultDrillAction
{
    /// <summary>SIGKILL of this process: no shutdown code runs, as when a node dies.</summary>
    Kill,

    /// <summary>Waits <see cref="FaultDrillOptions.Stall"/> (a slow database or a paused node); the caller's cancellation ends the wait.</summary>
    Stall,
}
