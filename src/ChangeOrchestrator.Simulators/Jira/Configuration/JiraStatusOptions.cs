namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>A workflow status; <see cref="Category"/> is new, indeterminate or done.</summary>
public sealed class JiraStatusOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Category { get; set; } = "indeterminate";
}
