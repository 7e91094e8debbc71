using ChangeOrchestrator.Simulators.Jira.Configuration;
using ChangeOrchestrator.Simulators.Jira.Fields;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>The configured site, resolved once from <see cref="JiraSimulatorOptions"/>: what never changes while it runs.</summary>
internal sealed class JiraSite(
    JiraProject project,
    IReadOnlyList<JiraIssueType> issueTypes,
    IReadOnlyList<JiraAccount> accounts,
    IReadOnlyList<JiraBearerToken> bearerTokens,
    JiraFieldCatalog fields,
    JiraWorkflow workflow,
    string cloudId,
    IReadOnlyList<JiraWebhookOptions> seedWebhooks)
{
    public JiraProject Project { get; } = project;

    public IReadOnlyList<JiraIssueType> IssueTypes { get; } = issueTypes;

    public IReadOnlyList<JiraAccount> Accounts { get; } = accounts;

    public IReadOnlyList<JiraBearerToken> BearerTokens { get; } = bearerTokens;

    public JiraFieldCatalog Fields { get; } = fields;

    public JiraWorkflow Workflow { get; } = workflow;

    public string CloudId { get; } = cloudId;

    /// <summary>Admin webhooks present from the start and after every reset.</summary>
    public IReadOnlyList<JiraWebhookOptions> SeedWebhooks { get; } = seedWebhooks;

    public JiraAccount? FindAccount(string accountId) => Accounts.FirstOrDefault(a => a.AccountId == accountId);

    public JiraIssueType? FindIssueType(string? id, string? name) =>
        id is not null
            ? IssueTypes.FirstOrDefault(t => t.Id == id)
            : IssueTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool IsProject(string idOrKey) =>
        idOrKey == Project.Id || string.Equals(idOrKey, Project.Key, StringComparison.OrdinalIgnoreCase);
}
