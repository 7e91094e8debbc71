namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>
/// "Let <see cref="Skip"/> matching requests through, then fail the next <see cref="Count"/> with <see cref="Status"/>":
/// covers "fail N times then succeed" (Skip 0) and "fail on attempt k" (Skip k-1, Count 1).
/// </summary>
internal sealed class JiraFaultRule
{
    /// <summary>Route template such as /rest/api/3/issue/{issueIdOrKey}; a trailing * matches a prefix; null matches all.</summary>
    public string? Route { get; init; }

    public string? Method { get; init; }

    public required int Status { get; init; }

    public int Skip { get; set; }

    public int Count { get; set; } = 1;

    public int? RetryAfterSeconds { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public TimeSpan Delay { get; init; }

    public bool OmitRateLimitHeaders { get; init; }

    public bool Matches(string method, string template) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Route is null
            || string.Equals(Route, template, StringComparison.Ordinal)
            || (Route.EndsWith('*') && template.StartsWith(Route[..^1], StringComparison.Ordinal)));

    public JiraFaultResponse ToResponse() => new(Status, RetryAfterSeconds, Body, ContentType, OmitRateLimitHeaders);
}
