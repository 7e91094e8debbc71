namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>The change workflow; empty lists mean the built-in JSM-like change workflow.</summary>
public sealed class JiraWorkflowOptions
{
    public List<JiraStatusOptions> Statuses { get; set; } = [];

    public List<JiraTransitionOptions> Transitions { get; set; } = [];

    /// <summary>Status of a new issue; empty means the first status.</summary>
    public string InitialStatusId { get; set; } = "";
}
