using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>
/// Burst limit per endpoint and method ("jira-burst-based"). The window is real time, not simulated time, because it
/// models throughput as the client experiences it and Retry-After is what the client will actually wait.
/// </summary>
public sealed class JiraRateLimitOptions
{
    /// <summary>Requests allowed per window and endpoint; 0 turns the limit off.</summary>
    [Range(0, int.MaxValue)]
    public int PermitsPerWindow { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
