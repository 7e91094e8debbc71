namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>
/// Retry, timeout and circuit-breaker settings of one desk (section <c>ServiceDesk:{Desk}:Resilience</c>). The
/// defaults suit a production desk; tests shorten the delays.
/// </summary>
internal sealed class ServiceDeskResilienceOptions
{
    /// <summary>Retries after the first attempt, so a persistent failure costs MaxRetryAttempts + 1 calls.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; doubled per retry, with jitter, unless the desk sent Retry-After.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest Retry-After waited for in place; a longer one (an hourly ServiceNow rate limit) fails the call as
    /// transient at once, so the workflow engine retries it later instead of holding a worker.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed for one attempt of an operation (all its HTTP calls).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast once the circuit has opened.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
