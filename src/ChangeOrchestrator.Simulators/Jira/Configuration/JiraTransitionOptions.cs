namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>A workflow transition, available from the listed statuses.</summary>
public sealed class JiraTransitionOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> From { get; set; } = [];

    public string To { get; set; } = "";

    /// <summary>Fields on the transition screen (besides the comment); anything else in "fields" answers 400.</summary>
    public List<string> ScreenFields { get; set; } = [];
}
