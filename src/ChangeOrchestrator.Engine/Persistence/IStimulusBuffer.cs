using ChangeOrchestrator.Engine.Execution;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Stimuli that arrived before any bookmark matched them, kept until one does or until they expire; and the ids of
/// stimuli already seen, so a stimulus delivered twice (a retried webhook) takes effect once.
/// </summary>
public interface IStimulusBuffer
{
    /// <summary>Records a stimulus id as seen; false when it was seen before (within its retention).</summary>
    Task<bool> TryMarkSeenAsync(string stimulusId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task AddPendingAsync(Stimulus stimulus, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stimulus>> FindPendingAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Moves expired pending stimuli to the dead-letter list; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
