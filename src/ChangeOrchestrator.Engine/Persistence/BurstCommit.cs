namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A burst as handed to the store. <see cref="ExpectedVersion"/> is the version the burst started from (null for a
/// new instance); the store refuses the commit if another executor committed in between, or if one of
/// <see cref="ConsumedStimulusIds"/> was already consumed. <see cref="Applied"/> is the stimulus the burst applies:
/// the store records its id as seen in the same transaction, so the stimulus counts as taken in only once it took effect.
/// <see cref="LeaseOwner"/> fences the commit: a store that shares instances between nodes refuses it unless this node
/// still holds the instance's lease. The commit also gives that lease back, saving the burst a round trip of its own to
/// release it. <see cref="RequiresLatestDefinition"/> marks a start that asked for the latest version and ran on
/// <see cref="IWorkflowDefinitionStore.FindLatestKnownAsync"/>'s answer: a store that answered it from memory refuses
/// the commit (<see cref="StaleDefinitionException"/>) when a newer version exists; one that always asks its database
/// need not check.
/// </summary>
public sealed record BurstCommit(
    BurstResult Burst,
    long? ExpectedVersion,
    IReadOnlyList<string> ConsumedStimulusIds,
    AppliedStimulus? Applied = null,
    string? LeaseOwner = null,
    bool RequiresLatestDefinition = false);
