using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// The change workflow's status names (section <c>ServiceDesk:Jira:Statuses</c>), each a comma-separated list
/// because templates name them differently ("Awaiting approval", "Authorize", ...). Transitions are found by these
/// target names, never by id.
/// </summary>
internal sealed class JiraStatusNames
{
    public string Planning { get; set; } = "Planning";

    public string AwaitingApproval { get; set; } = "Awaiting approval, Awaiting CAB approval, Authorize";

    public string Scheduled { get; set; } = "Awaiting implementation, Scheduled";

    public string Implementing { get; set; } = "Implementing";

    public string Review { get; set; } = "Peer review, Review";

    public string Completed { get; set; } = "Completed";

    public string Failed { get; set; } = "Failed";

    public string Declined { get; set; } = "Declined";

    public string Canceled { get; set; } = "Canceled, Cancelled";

    public IEnumerable<(string Key, string Names, ChangeState State)> All()
    {
        yield return (nameof(Planning), Planning, ChangeState.New);
        yield return (nameof(AwaitingApproval), AwaitingApproval, ChangeState.AwaitingApproval);
        yield return (nameof(Scheduled), Scheduled, ChangeState.Scheduled);
        yield return (nameof(Implementing), Implementing, ChangeState.Implementing);
        yield return (nameof(Review), Review, ChangeState.Review);
        yield return (nameof(Completed), Completed, ChangeState.Closed);
        yield return (nameof(Failed), Failed, ChangeState.Closed);
        yield return (nameof(Declined), Declined, ChangeState.Cancelled);
        yield return (nameof(Canceled), Canceled, ChangeState.Cancelled);
    }

    public static IReadOnlyList<string> Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
