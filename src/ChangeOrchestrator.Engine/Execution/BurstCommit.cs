namespace ChangeOrchestrator.Engine.Execution;

/// <summary>
/// A burst as handed to the store. <see cref="ExpectedVersion"/> is the version the burst started from (null for a
/// new instance); the store refuses the commit if another executor committed in between, or if one of
/// <see cref="ConsumedStimulusIds"/> was already consumed.
/// </summary>
public sealed record BurstCommit(BurstResult Burst, long? ExpectedVersion, IReadOnlyList<string> ConsumedStimulusIds);
