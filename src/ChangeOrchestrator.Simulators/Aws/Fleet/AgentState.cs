namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>Whether the SSM agent reports in: stopped for good, or absent for a while (a reboot).</summary>
internal sealed class AgentState
{
    private DateTimeOffset? _outageFrom;
    private DateTimeOffset? _outageUntil;

    /// <summary>The agent has stopped reporting until told otherwise (ConnectionLost for an indefinite time).</summary>
    public bool Disconnected { get; private set; }

    public DateTimeOffset LastContact { get; private set; }

    public void Disconnect(DateTimeOffset lastContact)
    {
        Disconnected = true;
        LastContact = lastContact;
    }

    public void Reconnect()
    {
        Disconnected = false;
        _outageFrom = null;
        _outageUntil = null;
    }

    /// <summary>The agent is unreachable from <paramref name="from"/> until <paramref name="until"/> (null: never returns).</summary>
    public void BeginOutage(DateTimeOffset from, DateTimeOffset? until)
    {
        _outageFrom = from;
        _outageUntil = until;
        if (until is null)
        {
            Disconnect(from);
        }
    }

    public bool IsOnline(DateTimeOffset now) => !Disconnected && !InOutage(now);

    /// <summary>When an agent unreachable at <paramref name="now"/> reports again, if anyone knows.</summary>
    public DateTimeOffset? BackOnlineAt(DateTimeOffset now) =>
        IsOnline(now) ? now : Disconnected ? null : _outageUntil;

    public DateTimeOffset LastPing(DateTimeOffset now)
    {
        if (Disconnected)
        {
            return LastContact;
        }

        return InOutage(now) && _outageFrom is { } from ? from : now;
    }

    private bool InOutage(DateTimeOffset now) =>
        _outageFrom is { } from && from <= now && (_outageUntil is null || now < _outageUntil);
}
