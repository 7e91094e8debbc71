using ChangeOrchestrator.Simulators.Jira.Search;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>A webhook registration. The secret is write-only on the wire.</summary>
internal sealed class JiraWebhook
{
    public required long Id { get; init; }

    public required JiraWebhookKind Kind { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public required IReadOnlyList<string> Events { get; set; }

    public string Jql { get; set; } = "";

    public JqlQuery? Filter { get; set; }

    public string? Secret { get; set; }

    public bool ExcludeBody { get; set; }

    public bool Enabled { get; set; } = true;

    public IReadOnlyList<string> FieldIdsFilter { get; set; } = [];

    public required DateTimeOffset LastUpdated { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public string? OwnerAccountId { get; init; }
}
