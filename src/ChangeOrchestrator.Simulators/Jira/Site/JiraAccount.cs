using ChangeOrchestrator.Simulators.Jira.Configuration;

namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraAccount(
    string AccountId,
    string Email,
    string ApiToken,
    string DisplayName,
    string TimeZone,
    JiraAccountRole Role)
{
    public bool CanWrite => Role >= JiraAccountRole.Agent;

    public bool IsAdmin => Role >= JiraAccountRole.Admin;
}
