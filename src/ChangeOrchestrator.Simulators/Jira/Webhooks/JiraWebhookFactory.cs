using ChangeOrchestrator.Simulators.Jira.Configuration;
using ChangeOrchestrator.Simulators.Jira.Search;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

internal static class JiraWebhookFactory
{
    /// <summary>Seeds were checked at start-up (<see cref="JiraWebhookSeedValidator"/>), so the filter compiles.</summary>
    public static JiraWebhook FromSeed(long id, JiraWebhookOptions seed, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = JiraWebhookKind.AdminUi,
        Name = string.IsNullOrWhiteSpace(seed.Name) ? "webhook-" + id : seed.Name,
        Url = seed.Url,
        Events = seed.Events.Count > 0 ? [.. seed.Events] : JiraWebhookSeedValidator.DefaultEvents,
        Jql = seed.Jql,
        Filter = string.IsNullOrWhiteSpace(seed.Jql) ? null : JqlParser.Parse(seed.Jql),
        Secret = string.IsNullOrEmpty(seed.Secret) ? null : seed.Secret,
        LastUpdated = now,
    };

    public static JiraWebhook FromRegistration(long id, JiraWebhookRegistration registration, string ownerAccountId, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = JiraWebhookKind.AdminRest,
        OwnerAccountId = ownerAccountId,
        LastUpdated = now,
        Name = registration.Name,
        Url = registration.Url,
        Events = registration.Events,
        Jql = registration.Jql,
        Filter = registration.Filter,
        Secret = registration.Secret,
        ExcludeBody = registration.ExcludeBody,
        Enabled = registration.Enabled,
    };

    public static void Update(JiraWebhook webhook, JiraWebhookRegistration registration, DateTimeOffset now)
    {
        webhook.Name = registration.Name;
        webhook.Url = registration.Url;
        webhook.Events = registration.Events;
        webhook.Jql = registration.Jql;
        webhook.Filter = registration.Filter;
        webhook.ExcludeBody = registration.ExcludeBody;
        webhook.Enabled = registration.Enabled;
        webhook.LastUpdated = now;

        // The secret cannot be read back; an update without one keeps it.
        if (registration.Secret is not null)
        {
            webhook.Secret = registration.Secret;
        }
    }
}
