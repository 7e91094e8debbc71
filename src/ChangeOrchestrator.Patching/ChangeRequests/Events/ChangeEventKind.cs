namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>What a desk reports about a change, whatever the desk.</summary>
public enum ChangeEventKind
{
    /// <summary>The change was approved.</summary>
    Approved,

    /// <summary>The change was rejected (declined).</summary>
    Rejected,

    /// <summary>The change was cancelled in the desk.</summary>
    Cancelled,

    /// <summary>The change moved to another state; no decision.</summary>
    StateChanged,
}
