using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Auth;

/// <summary>Who made a request: an account (by Basic or Bearer), or nobody (anonymous).</summary>
internal sealed record JiraCaller(JiraAccount? Account, bool IsApp)
{
    public static readonly JiraCaller Anonymous = new(null, false);

    public bool CanWrite => Account?.CanWrite == true;

    public bool IsAdmin => Account?.IsAdmin == true;
}
