namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A stimulus with a caller's id that a burst applies. Committing it records the id as seen (if it is not yet) and
/// drops a buffered copy of it, so a later delivery of the same id resumes only the bookmarks created before
/// <see cref="FirstReceivedAt"/> that it has not reached yet.
/// </summary>
public sealed record AppliedStimulus(string Id, DateTimeOffset FirstReceivedAt, DateTimeOffset ExpiresAt);
