using ChangeOrchestrator.Simulators.Jira.Search;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

internal static class JiraWebhookSeedValidator
{
    /// <summary>Events of a seeded webhook that names none.</summary>
    public static readonly IReadOnlyList<string> DefaultEvents = [JiraIssueEvent.IssueCreated, JiraIssueEvent.IssueUpdated];

    public static void Validate(JiraSimulatorOptions options, List<string> errors)
    {
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var seed = options.Webhooks[i];
            var key = $"{JiraSimulatorOptions.Section}:Webhooks:{i}";
            if (!JiraWebhookRegistration.IsHttpUrl(seed.Url))
            {
                errors.Add($"{key}:Url must be an absolute http or https URL.");
            }

            var unknown = seed.Events.Where(e => !JiraIssueEvent.Known.Contains(e)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"{key}:Events names unknown events: {string.Join(", ", unknown)}.");
            }

            if (!string.IsNullOrWhiteSpace(seed.Jql))
            {
                try
                {
                    JqlParser.Parse(seed.Jql);
                }
                catch (JqlException ex)
                {
                    errors.Add($"{key}:Jql is not valid JQL: {ex.Message}");
                }
            }
        }
    }
}
