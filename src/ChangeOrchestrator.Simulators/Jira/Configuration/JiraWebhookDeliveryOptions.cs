using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>How the site retries failed webhook deliveries (Jira does not document its policy).</summary>
public sealed class JiraWebhookDeliveryOptions
{
    /// <summary>Attempts per delivery, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Simulated delay before the first retry; each further retry doubles it.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Simulated ceiling of the doubling.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Real time a receiver gets to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
