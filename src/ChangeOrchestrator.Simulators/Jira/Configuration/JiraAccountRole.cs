namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>The project permissions an account holds; each role includes the ones before it.</summary>
public enum JiraAccountRole
{
    /// <summary>Browse only: every write answers 403.</summary>
    Viewer,

    /// <summary>Create, edit, transition, comment, attach, answer approvals it is named on.</summary>
    Agent,

    /// <summary>Agent plus Jira administration (admin webhooks).</summary>
    Admin,
}
