namespace ChangeOrchestrator.Patching.ChangeRequests;

public enum ChangeType
{
    /// <summary>Pre-authorized: no approval step.</summary>
    Standard,

    Normal,

    /// <summary>Expedited approval (emergency CAB).</summary>
    Emergency,
}
