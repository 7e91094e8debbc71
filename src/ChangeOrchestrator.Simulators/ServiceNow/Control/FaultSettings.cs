namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Standing faults: latency on every request and a share of requests failing with a status.</summary>
internal sealed record FaultSettings
{
    public int LatencyMilliseconds { get; init; }

    /// <summary>0 to 1: the share of requests that fail.</summary>
    public double ErrorRate { get; init; }

    public int ErrorStatus { get; init; } = StatusCodes.Status503ServiceUnavailable;

    public int? RetryAfterSeconds { get; init; }

    /// <summary>502/503 answered with an HTML page, as a load balancer in front of an instance does.</summary>
    public bool NonJsonBody { get; init; }
}
