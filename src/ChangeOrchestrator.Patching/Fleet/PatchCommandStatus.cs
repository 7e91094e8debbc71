namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Progress of a patch operation over all its servers.</summary>
public sealed record PatchCommandStatus
{
    public required string IdempotencyToken { get; init; }

    /// <summary>Success only when every server succeeded; otherwise the worst outcome, or InProgress while running.</summary>
    public required CommandState State { get; init; }

    /// <summary>True when every command has ended; no server will change state any more.</summary>
    public required bool IsDone { get; init; }

    public required IReadOnlyList<InstanceCommandResult> Instances { get; init; }

    public int TargetCount => Instances.Count;

    public int SucceededCount => Instances.Count(i => i.State == CommandState.Success);

    public int FailedCount => Instances.Count(i => i.State is CommandState.Failed or CommandState.TimedOut);

    public int CancelledCount => Instances.Count(i => i.State == CommandState.Cancelled);

    public int PendingCount => Instances.Count(i => !i.IsDone);
}
