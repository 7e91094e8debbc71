namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Progress of a command run over all its servers.</summary>
public sealed record FleetCommandStatus
{
    public required string IdempotencyToken { get; init; }

    /// <summary>True when every server's run has ended; no server will change state any more.</summary>
    public required bool IsDone { get; init; }

    /// <summary>Per server: state, exit code and output (kept for every server, as the output is what a check reports).</summary>
    public required IReadOnlyList<InstanceCommandResult> Instances { get; init; }
}
