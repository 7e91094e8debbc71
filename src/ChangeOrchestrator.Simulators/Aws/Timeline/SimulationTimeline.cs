namespace ChangeOrchestrator.Simulators.Aws.Timeline;

/// <summary>
/// Future state changes of the simulated account, applied in time order when a request looks at the world.
/// Nothing runs in the background: reading at a later instant replays every change due by then, so a
/// FakeTimeProvider or a large time scale drives command waves, reboots and patch writes exactly.
/// </summary>
internal sealed class SimulationTimeline
{
    private readonly PriorityQueue<Action<DateTimeOffset>, (DateTimeOffset At, long Sequence)> _events = new();
    private long _sequence;

    /// <summary>The instant the timeline is catching up to, so a change can tell how stale its own due time is.</summary>
    public DateTimeOffset Horizon { get; private set; }

    /// <summary>Runs <paramref name="action"/> with its due instant once the world is read at or after <paramref name="at"/>.</summary>
    public void Schedule(DateTimeOffset at, Action<DateTimeOffset> action) => _events.Enqueue(action, (at, _sequence++));

    public void AdvanceTo(DateTimeOffset now)
    {
        Horizon = now;
        while (_events.TryPeek(out var action, out var key) && key.At <= now)
        {
            _events.Dequeue();
            action(key.At);
        }
    }
}
