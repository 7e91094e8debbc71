namespace ChangeOrchestrator.Simulators.Jira.Auth;

/// <summary>Endpoint metadata: a read that some sites answer for anonymous callers (with nothing visible) instead of 401.</summary>
internal sealed class JiraAnonymousSearch
{
    public static readonly JiraAnonymousSearch Instance = new();
}
