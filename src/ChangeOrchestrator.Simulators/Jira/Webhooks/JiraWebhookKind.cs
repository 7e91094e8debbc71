namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

internal enum JiraWebhookKind
{
    /// <summary>Registered in the admin UI (seeded from configuration): signed, no matchedWebhookIds.</summary>
    AdminUi,

    /// <summary>Registered through /rest/webhooks/1.0/webhook: signed when a secret is set.</summary>
    AdminRest,

    /// <summary>Registered by an app through /rest/api/3/webhook: unsigned, expires after 30 days.</summary>
    Dynamic,
}
