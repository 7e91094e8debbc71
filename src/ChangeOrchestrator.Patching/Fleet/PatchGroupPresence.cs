namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What the fleet knows of one patch group name.</summary>
public enum PatchGroupPresence
{
    /// <summary>No live server carries it and no patch baseline declares it.</summary>
    Absent,

    /// <summary>At least one live server carries it as its patch group.</summary>
    CarriedByServers,

    /// <summary>A patch baseline is registered to it, but no live server carries it.</summary>
    DeclaredByBaseline,
}
