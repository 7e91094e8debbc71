namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A stimulus id that took effect. <see cref="FirstAppliedAt"/> is when it first resumed a bookmark: a later delivery
/// of the same id may still resume the bookmarks created before then that the first delivery did not reach. Null for
/// a stimulus that was buffered: only its buffered copy is ever delivered.
/// </summary>
public sealed record SeenStimulus(DateTimeOffset? FirstAppliedAt);
