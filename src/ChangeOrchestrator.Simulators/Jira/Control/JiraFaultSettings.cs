namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Standing faults: latency on every request and a random error rate, optionally limited to one route.</summary>
internal sealed record JiraFaultSettings(
    TimeSpan Latency,
    double ErrorRate,
    int ErrorStatus,
    int? RetryAfterSeconds,
    string? Route,
    string? Method)
{
    public static readonly JiraFaultSettings None = new(TimeSpan.Zero, 0, 503, null, null, null);

    public bool Applies(string method, string template) =>
        new JiraFaultRule { Route = Route, Method = Method, Status = ErrorStatus }.Matches(method, template);
}
