using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Web.Live;

/// <summary>
/// One read of the versions of every instance the node's live instance pages show, for all of them: a page that was
/// not told of a commit (made on another node) asks, at its fallback, whether its instance's version moved on, and
/// the pages of the node ask at the same moments of the clock (<see cref="LiveRefresh"/>), so one query of a few
/// keys answers them all instead of a read of each page's instance. A read answers only pages whose question came
/// after it started, and only for the instances it read.
/// </summary>
public sealed class SharedInstanceVersions(IWorkflowInstanceQueries queries, LiveRefreshMetrics metrics, TimeProvider time)
{
    // An instance asked about within this time is read with the others in the next round, so a page's question is
    // answered by the read another page started.
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _asked = new(StringComparer.Ordinal);
    private Read? _read;

    /// <summary>The stored version of <paramref name="instanceId"/> from a read started at or after <paramref name="freshSince"/> (a <see cref="TimeProvider.GetTimestamp"/>); null when it does not exist.</summary>
    public async Task<long?> VersionAsync(string instanceId, long freshSince, CancellationToken cancellationToken)
    {
        Read read;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _asked[instanceId] = now;
            if (_read is not { } last || last.StartedAt < freshSince || !last.Ids.Contains(instanceId) || last.Versions.IsFaulted || last.Versions.IsCanceled)
            {
                foreach (var forgotten in _asked.Where(a => time.GetElapsedTime(a.Value, now) > Remembered).Select(a => a.Key).ToList())
                {
                    _asked.Remove(forgotten);
                }

                var ids = _asked.Keys.ToHashSet(StringComparer.Ordinal);
                metrics.Read("instance-versions");

                // Not cancelled with the page that happened to start it: the other pages wait for the same read.
                _read = last = new Read(now, ids, Task.Run(() => queries.VersionsAsync(ids, CancellationToken.None)));
            }

            read = last;
        }

        var versions = await read.Versions.WaitAsync(cancellationToken);
        return versions.TryGetValue(instanceId, out var version) ? version : null;
    }

    private sealed record Read(long StartedAt, HashSet<string> Ids, Task<IReadOnlyDictionary<string, long>> Versions);
}
