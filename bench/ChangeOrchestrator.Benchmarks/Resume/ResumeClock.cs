using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChangeOrchestrator.Benchmarks.Resume;

/// <summary>When each waiting instance went on, as <see cref="Stopwatch"/> timestamps by instance key.</summary>
internal sealed class ResumeClock
{
    private readonly ConcurrentDictionary<string, long> _marks = new(StringComparer.Ordinal);

    /// <summary>The first mark wins: a burst re-run after a lost race must not move the moment.</summary>
    public void Mark(string key) => _marks.TryAdd(key, Stopwatch.GetTimestamp());

    public bool TryGet(string key, out long timestamp) => _marks.TryGetValue(key, out timestamp);
}
