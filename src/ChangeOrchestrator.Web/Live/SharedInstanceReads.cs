using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Web.Live;

/// <summary>
/// One read of a list of instances for every live page of the node showing the same filter and page: when a commit
/// concerns 25 open instances pages, they refresh once in the same second (<see cref="LiveRefresh.StartAligned"/>) and
/// share the first one's read instead of each querying the database. A read is shared only with pages whose newest change came
/// before it started, so no page shows a list older than what it was told about.
/// </summary>
public sealed class SharedInstanceReads(IWorkflowInstanceQueries queries, LiveRefreshMetrics metrics, TimeProvider time)
{
    // Long enough to serve one refresh tick, short enough that the table of filters stays small.
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<InstanceQuery, Read> _reads = [];

    /// <summary>A page of instances read at or after <paramref name="freshSince"/> (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    public Task<InstancePage> ListAsync(InstanceQuery query, long freshSince, CancellationToken cancellationToken)
    {
        Read read;
        lock (_lock)
        {
            if (!_reads.TryGetValue(query, out read!) || read.StartedAt < freshSince || read.Page.IsFaulted || read.Page.IsCanceled)
            {
                read = Start(query);
                _reads[query] = read;
                if (_reads.Count > 64)
                {
                    Forget();
                }
            }
        }

        return read.Page.WaitAsync(cancellationToken);
    }

    private Read Start(InstanceQuery query)
    {
        var started = time.GetTimestamp();
        metrics.Read("instances");

        // Not cancelled with the page that happened to start it: the other pages wait for the same read.
        return new Read(started, Task.Run(() => queries.ListAsync(query, CancellationToken.None)));
    }

    private void Forget()
    {
        foreach (var query in _reads.Where(r => time.GetElapsedTime(r.Value.StartedAt) > Kept).Select(r => r.Key).ToList())
        {
            _reads.Remove(query);
        }
    }

    private sealed record Read(long StartedAt, Task<InstancePage> Page);
}
