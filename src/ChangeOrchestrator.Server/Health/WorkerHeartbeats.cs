using System.Collections.Concurrent;

namespace ChangeOrchestrator.Server.Health;

/// <summary>
/// When each background worker last finished a pass, so readiness can tell a node whose workers stopped from one
/// that only answers HTTP. A worker beats at the end of every pass, failed or not, as long as its loop runs.
/// </summary>
internal sealed class WorkerHeartbeats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (long At, TimeSpan Expected)> _beats = new(StringComparer.Ordinal);

    public void Beat(string worker, TimeSpan interval) => _beats[worker] = (time.GetTimestamp(), interval);

    /// <summary>Workers whose last pass is older than three of their intervals (and at least 30 s).</summary>
    public IReadOnlyList<string> Stalled()
    {
        var stalled = new List<string>();
        foreach (var (worker, beat) in _beats)
        {
            var allowed = TimeSpan.FromTicks(Math.Max(beat.Expected.Ticks * 3, TimeSpan.FromSeconds(30).Ticks));
            if (time.GetElapsedTime(beat.At) > allowed)
            {
                stalled.Add(worker);
            }
        }

        return stalled;
    }

    public IReadOnlyCollection<string> Known => _beats.Keys.ToList();
}
