using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Status names to the common states and back (to find transitions by target name). A status not configured falls
/// back on its category: new is New, done is Closed; one in progress cannot be placed and is refused.
/// </summary>
internal sealed class JiraStatuses(JiraStatusNames names)
{
    public ChangeState StateOf(JiraIssue issue)
    {
        foreach (var (_, list, state) in names.All())
        {
            if (Contains(list, issue.StatusName))
            {
                return state;
            }
        }

        return issue.StatusCategory switch
        {
            "new" => ChangeState.New,
            "done" => ChangeState.Closed,
            _ => throw new ServiceDeskException(JiraServiceDesk.DisplayName,
                $"{issue.Key} is in status '{issue.StatusName}', which {JiraOptions.Section}:Statuses does not name", isTransient: false),
        };
    }

    /// <summary>The status names that mean <paramref name="state"/> as a destination (closing depends on the outcome).</summary>
    public IReadOnlyList<string> TargetsFor(ChangeState state, ChangeOutcome? outcome = null) => JiraStatusNames.Split(state switch
    {
        ChangeState.New => names.Planning,
        ChangeState.AwaitingApproval or ChangeState.Assessing => names.AwaitingApproval,
        ChangeState.Scheduled => names.Scheduled,
        ChangeState.Implementing => names.Implementing,
        ChangeState.Review => names.Review,
        ChangeState.Closed => outcome == ChangeOutcome.Unsuccessful ? names.Failed : names.Completed,
        _ => names.Canceled,
    });

    public ChangeOutcome? OutcomeOf(JiraIssue issue) => issue.Outcome switch
    {
        "successful" => ChangeOutcome.Successful,
        "successful_issues" => ChangeOutcome.SuccessfulWithIssues,
        "unsuccessful" => ChangeOutcome.Unsuccessful,
        _ when Contains(names.Completed, issue.StatusName) => ChangeOutcome.Successful,
        _ when Contains(names.Failed, issue.StatusName) => ChangeOutcome.Unsuccessful,
        _ => null,
    };

    public static string OutcomeValue(ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.Successful => "successful",
        ChangeOutcome.SuccessfulWithIssues => "successful_issues",
        _ => "unsuccessful",
    };

    private static bool Contains(string list, string name) =>
        JiraStatusNames.Split(list).Contains(name, StringComparer.OrdinalIgnoreCase);
}
