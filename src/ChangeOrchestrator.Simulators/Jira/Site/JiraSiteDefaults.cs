using ChangeOrchestrator.Simulators.Jira.Configuration;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>
/// The built-in site: an orchestrator integration account, an approver and a read-only viewer, and a JSM-like change
/// workflow Planning → Awaiting approval (approval step) → Awaiting implementation → Implementing → Peer review →
/// Completed, with Failed, Declined and Canceled exits.
/// </summary>
internal static class JiraSiteDefaults
{
    public const string PlanningId = "10011";
    public const string AwaitingApprovalId = "10012";
    public const string AwaitingImplementationId = "10013";
    public const string ImplementingId = "10014";
    public const string PeerReviewId = "10015";
    public const string CompletedId = "10016";
    public const string FailedId = "10017";
    public const string DeclinedId = "10018";
    public const string CanceledId = "10019";

    public const string ApproveTransitionId = "31";
    public const string DeclineTransitionId = "41";

    public static List<JiraAccountOptions> Accounts() =>
    [
        new() { AccountId = "5b10a2844c20165700ede21a", Email = "orchestrator@example.com", ApiToken = "sim-orchestrator-token", DisplayName = "Change Orchestrator", Role = JiraAccountRole.Admin },
        new() { AccountId = "5b10a2844c20165700ede21b", Email = "approver@example.com", ApiToken = "sim-approver-token", DisplayName = "Alex Approver", Role = JiraAccountRole.Agent, TimeZone = "Europe/Berlin" },
        new() { AccountId = "5b10a2844c20165700ede21c", Email = "viewer@example.com", ApiToken = "sim-viewer-token", DisplayName = "Vic Viewer", Role = JiraAccountRole.Viewer },
    ];

    public static List<JiraBearerTokenOptions> BearerTokens(IReadOnlyList<JiraAccountOptions> accounts) =>
        accounts.Count == 0 ? [] : [new() { Token = "sim-oauth-access-token", AccountId = accounts[0].AccountId, IsApp = true }];

    public static List<JiraStatusOptions> Statuses() =>
    [
        new() { Id = PlanningId, Name = "Planning", Category = "new" },
        new() { Id = AwaitingApprovalId, Name = "Awaiting approval", Category = "indeterminate" },
        new() { Id = AwaitingImplementationId, Name = "Awaiting implementation", Category = "indeterminate" },
        new() { Id = ImplementingId, Name = "Implementing", Category = "indeterminate" },
        new() { Id = PeerReviewId, Name = "Peer review", Category = "indeterminate" },
        new() { Id = CompletedId, Name = "Completed", Category = "done" },
        new() { Id = FailedId, Name = "Failed", Category = "done" },
        new() { Id = DeclinedId, Name = "Declined", Category = "done" },
        new() { Id = CanceledId, Name = "Canceled", Category = "done" },
    ];

    public static List<JiraTransitionOptions> Transitions() =>
    [
        new() { Id = "21", Name = "Request approval", From = [PlanningId], To = AwaitingApprovalId },
        new() { Id = ApproveTransitionId, Name = "Approve", From = [AwaitingApprovalId], To = AwaitingImplementationId },
        new() { Id = DeclineTransitionId, Name = "Decline", From = [AwaitingApprovalId], To = DeclinedId },
        new() { Id = "51", Name = "Start implementation", From = [AwaitingImplementationId], To = ImplementingId },
        new() { Id = "61", Name = "Request review", From = [ImplementingId], To = PeerReviewId },
        new() { Id = "71", Name = "Complete", From = [ImplementingId, PeerReviewId], To = CompletedId, ScreenFields = ["resolution"] },
        new() { Id = "81", Name = "Mark as failed", From = [ImplementingId, PeerReviewId], To = FailedId, ScreenFields = ["resolution"] },
        new() { Id = "91", Name = "Cancel", From = [PlanningId, AwaitingApprovalId, AwaitingImplementationId], To = CanceledId, ScreenFields = ["resolution"] },
    ];
}
