namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>
/// "Let <c>after</c> matching requests through, then fail the next <c>count</c> with this status": count alone is
/// "fail N times then succeed", after = k - 1 with count 1 is "fail on attempt k".
/// </summary>
internal sealed class FailNextRule(int remaining, InjectedFault fault, string? route, int passBefore = 0)
{
    private int _passBefore = passBefore;

    public int Remaining { get; private set; } = remaining;

    public InjectedFault Fault { get; } = fault;

    /// <summary>A case-insensitive fragment of the route key, e.g. "PATCH /api/now/table/change_request"; null matches all.</summary>
    public string? Route { get; } = route;

    public bool TryConsume(string routeKey)
    {
        if (Remaining <= 0 || Route is not null && !routeKey.Contains(Route, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_passBefore > 0)
        {
            _passBefore--;
            return false;
        }

        Remaining--;
        return true;
    }
}
