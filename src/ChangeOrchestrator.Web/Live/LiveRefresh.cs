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
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;

    private LiveRefresh(InstanceChangeFeed feed, Func<InstanceChange, bool> shows)
    {
        // Runs on the committing thread: only a non-blocking signal, the page reads later on its own.
        _subscription = feed.Subscribe(change =>
        {
            if (shows(change))
            {
                _signal.Writer.TryWrite(true);
            }
        });
    }

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
        var live = new LiveRefresh(feed, shows);
        _ = live.RunAsync(refreshAsync, minimumGap, fallback, time);
        return live;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync(Func<bool, Task> refreshAsync, TimeSpan minimumGap, TimeSpan fallback, TimeProvider time)
    {
        var stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                bool pushed;
                using (var due = new CancellationTokenSource(fallback, time))
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

                await refreshAsync(pushed);
                await Task.Delay(minimumGap, time, stop);
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
}
