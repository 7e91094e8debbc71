namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// One SIGKILL of a chaos run: when, which node and process, what that process held in the database at that moment
/// (instance leases by instance id to their expiry, timer claims), read right after it died, and when its replacement
/// answered as ready. A stall after the kill is broken down against these (<see cref="ChaosStalls"/>).
/// </summary>
internal sealed record ChaosKill(DateTimeOffset At, int Node, int ProcessId)
{
    public IReadOnlyDictionary<string, DateTimeOffset> Leases { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    public IReadOnlyList<ChaosClaim> Claims { get; init; } = [];

    /// <summary>False when the database could not be read at the kill (it was restarting).</summary>
    public bool HeldKnown { get; init; }

    public DateTimeOffset? BackAt { get; init; }
}
