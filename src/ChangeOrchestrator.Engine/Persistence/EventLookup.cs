using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>What <see cref="IEventLookups"/> found: the stimulus id's record, if it took effect already, and the bookmarks waiting.</summary>
public sealed record EventLookup(SeenStimulus? Seen, IReadOnlyList<StoredBookmark> Waiting);
