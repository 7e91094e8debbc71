namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>One Atlassian account that can call the site with Basic <c>email:api_token</c>.</summary>
public sealed class JiraAccountOptions
{
    public string AccountId { get; set; } = "";

    public string Email { get; set; } = "";

    public string ApiToken { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string TimeZone { get; set; } = "Etc/UTC";

    public JiraAccountRole Role { get; set; } = JiraAccountRole.Agent;
}
