namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>An admin webhook present from the start.</summary>
public sealed class JiraWebhookOptions
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public List<string> Events { get; set; } = [];

    /// <summary>JQL that issue events must match; empty matches every issue.</summary>
    public string Jql { get; set; } = "";

    public string Secret { get; set; } = "";
}
