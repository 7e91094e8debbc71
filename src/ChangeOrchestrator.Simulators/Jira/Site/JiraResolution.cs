namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraResolution(string Id, string Name, string Description)
{
    public static readonly IReadOnlyList<JiraResolution> All =
    [
        new("10000", "Done", "Work has been completed on this issue."),
        new("10001", "Won't Do", "This issue won't be actioned."),
        new("10002", "Declined", "This issue was not approved."),
        new("10003", "Duplicate", "The problem is a duplicate of an existing issue."),
    ];
}
