namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Whether a server's management agent is reachable; only Online servers can be patched now.</summary>
public enum AgentPingStatus
{
    Online,
    ConnectionLost,
    Inactive,

    /// <summary>The server exists but its agent never registered, so it cannot receive commands.</summary>
    NotRegistered,
}
