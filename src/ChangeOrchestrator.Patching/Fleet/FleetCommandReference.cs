namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What a started command run is known by: one command per platform and batch of servers.</summary>
public sealed record FleetCommandReference
{
    public required string IdempotencyToken { get; init; }

    public required IReadOnlyList<string> CommandIds { get; init; }

    /// <summary>The servers the lines were sent to.</summary>
    public required IReadOnlyList<string> InstanceIds { get; init; }

    /// <summary>Requested servers without a registered agent: nothing could be sent to them.</summary>
    public IReadOnlyList<string> NotRegisteredIds { get; init; } = [];

    /// <summary>True when every command had been sent before, so this call sent nothing.</summary>
    public bool FoundExisting { get; init; }
}
