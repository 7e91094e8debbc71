using System.Threading.Channels;
using ChangeOrchestrator.Engine.Observation;

namespace ChangeOrchestrator.Web.Live;

/// <summary>
/// Keeps a page live without polling the database: it re-reads when the engine commits a change the page shows
/// (pushed in-process by the <see cref="InstanceChangeFeed"/>), at most once per <c>minimumGap</c> however busy the
/// engine is, and otherwise once per <c>fallback</c>, which covers commits made by other nodes.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    // One refresh (its read and its render) at a time for the whole node, every page's. The pages' work then takes at
    // most one thread-pool thread however many are open, and waits on this gate rather than in the thread pool's
    // queue, where it would hold up the engine's resumes queued behind it: 50 open pages refreshing together
    // otherwise fill the queue for a few milliseconds every second, and the engine's slowest resumes are those that
    // land in it. A page waits for the others' refreshes at most, a few milliseconds each.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;
    private readonly TimeProvider _time;
    private readonly TimeSpan _offset;
    private long _lastPush;

    private LiveRefresh(InstanceChangeFeed feed, Func<InstanceChange, bool> shows, TimeProvider time, TimeSpan offset = default)
    {
        _time = time;
        _offset = offset;

        // Runs on the committing thread: only a non-blocking signal, the page reads later on its own.
        _subscription = feed.Subscribe(change =>
        {
            if (shows(change))
            {
                Volatile.Write(ref _lastPush, time.GetTimestamp());
                _signal.Writer.TryWrite(true);
            }
        });
    }

    /// <summary>
    /// When (a <see cref="TimeProvider.GetTimestamp"/>) the newest change this refresh answers was pushed, or the
    /// moment the fallback fell due: a read started at or after it shows that change, so the page may share it
    /// (see <see cref="SharedInstanceReads"/> and <see cref="SharedInstanceVersions"/>). A change pushed later signals another refresh.
    /// </summary>
    public long ChangesUntil { get; private set; }

    /// <summary>Starts watching.</summary>
    /// <param name="feed">The node's change feed.</param>
    /// <param name="shows">Whether a change concerns the page.</param>
    /// <param name="refreshAsync">Re-reads the page; its argument says whether a change was pushed (true) or the fallback is due (false).</param>
    /// <param name="minimumGap">The least time between two refreshes.</param>
    /// <param name="fallback">The longest time without a refresh.</param>
    /// <param name="time">The clock.</param>
    public static LiveRefresh Start(
        InstanceChangeFeed feed, Func<InstanceChange, bool> shows, Func<bool, Task> refreshAsync, TimeSpan minimumGap, TimeSpan fallback, TimeProvider time)
    {
        var live = new LiveRefresh(feed, shows, time);
        _ = live.RunAsync(refreshAsync, minimumGap, fallback, aligned: false);
        return live;
    }

    /// <summary>
    /// Starts watching like <see cref="Start"/>, but refreshes once per <paramref name="gap"/> of the clock, each page
    /// at its own moment within it: the first page of the node to refresh in a gap reads, and every other page that a
    /// change concerns shares that read (see <see cref="SharedInstanceReads"/>) instead of reading again. The pages'
    /// renders and their pushes to the browsers are spread over the gap rather than all falling on the same instant,
    /// where together they would hold up whatever else the node does at that moment (the engine resuming instances).
    /// </summary>
    /// <param name="feed">The node's change feed.</param>
    /// <param name="shows">Whether a change concerns the page.</param>
    /// <param name="refreshAsync">Re-reads the page; its argument says whether a change was pushed (true) or the fallback is due (false).</param>
    /// <param name="gap">The least time between two refreshes, and the clock's tick they fall on.</param>
    /// <param name="fallback">The longest time without a refresh.</param>
    /// <param name="time">The clock.</param>
    public static LiveRefresh StartAligned(
        InstanceChangeFeed feed, Func<InstanceChange, bool> shows, Func<bool, Task> refreshAsync, TimeSpan gap, TimeSpan fallback, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gap, TimeSpan.Zero);
        var live = new LiveRefresh(feed, shows, time, TimeSpan.FromTicks(Random.Shared.NextInt64(gap.Ticks)));
        _ = live.RunAsync(refreshAsync, gap, fallback, aligned: true);
        return live;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync(Func<bool, Task> refreshAsync, TimeSpan minimumGap, TimeSpan fallback, bool aligned)
    {
        var time = _time;
        var stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // The fallback falls on the clock's multiples of it, the same moments for every page of the node, so
                // that the pages it wakes together share one read (SharedInstanceReads, SharedInstanceVersions).
                var untilFallback = TimeSpan.FromTicks(fallback.Ticks - (time.GetUtcNow().UtcTicks % fallback.Ticks));
                var fallbackDue = time.GetTimestamp() + (long)(untilFallback.TotalSeconds * time.TimestampFrequency);
                bool pushed;
                using (var due = new CancellationTokenSource(untilFallback, time))
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stop, due.Token))
                {
                    try
                    {
                        pushed = await _signal.Reader.WaitToReadAsync(wait.Token) && _signal.Reader.TryRead(out _);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        pushed = false;
                    }
                }

                // Read before any wait: a change pushed during the wait signals again, so nothing is missed.
                ChangesUntil = pushed ? Volatile.Read(ref _lastPush) : fallbackDue;
                if (aligned)
                {
                    // The next time the clock passes this page's own moment of the gap.
                    var ticks = minimumGap.Ticks;
                    var now = time.GetUtcNow().UtcTicks;
                    var wait = ((_offset.Ticks - (now % ticks)) % ticks + ticks) % ticks;
                    await Task.Delay(TimeSpan.FromTicks(wait == 0 ? ticks : wait), time, stop);
                    await OneAtATimeAsync(refreshAsync, pushed, stop);
                }
                else
                {
                    await OneAtATimeAsync(refreshAsync, pushed, stop);
                    await Task.Delay(minimumGap, time, stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (ObjectDisposedException)
        {
            // The page was closed while it refreshed.
        }
    }

    private static async Task OneAtATimeAsync(Func<bool, Task> refreshAsync, bool pushed, CancellationToken stop)
    {
        await Gate.WaitAsync(stop);
        try
        {
            await refreshAsync(pushed);
        }
        finally
        {
            Gate.Release();
        }
    }
}
