
namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Stimuli that arrived before any bookmark matched them, kept until one does or until they expire; and the ids of
/// stimuli already taken in, so a stimulus delivered twice (a retried webhook) takes effect once. An id counts as
/// taken in only in the commit that applied it: the resume (<see cref="BurstCommit.Applied"/>) or the buffering.
/// </summary>
public interface IStimulusBuffer
{
    /// <summary>Records a stimulus id as seen; false when it was seen before (within its retention).</summary>
    Task<bool> TryMarkSeenAsync(string stimulusId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The stimulus id as taken in, or null when it never took effect (or its retention ended).</summary>
    Task<SeenStimulus?> FindSeenAsync(string stimulusId, CancellationToken cancellationToken);

    /// <summary>
    /// Buffers a stimulus and records its id as seen, in one transaction; false (and nothing stored) when the id was
    /// seen already, e.g. by a concurrent delivery of the same stimulus.
    /// </summary>
    Task<bool> AddPendingAsync(Stimulus stimulus, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stimulus>> FindPendingAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Moves expired pending stimuli to the dead-letter list; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
