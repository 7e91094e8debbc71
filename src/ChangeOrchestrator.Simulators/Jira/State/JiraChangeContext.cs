using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.State;

/// <summary>Who changes the site, when, and through which base URL (for the links in the events it raises).</summary>
internal sealed record JiraChangeContext(JiraAccount Actor, JiraLinks Links, DateTimeOffset Now)
{
    public static JiraChangeContext From(HttpContext context, SimulatorClock clock) =>
        new(context.JiraAccount(), JiraLinks.From(context), clock.UtcNow);
}
