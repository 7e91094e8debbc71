using ChangeOrchestrator.Simulators.Jira.Configuration;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>Resolves <see cref="JiraWorkflowOptions"/> and <see cref="JiraApprovalOptions"/>, checking every reference.</summary>
internal static class JiraWorkflowBuilder
{
    private const string Root = JiraSimulatorOptions.Section;

    public static JiraWorkflow? TryBuild(JiraSimulatorOptions options, IReadOnlyList<JiraAccount> accounts, List<string> errors)
    {
        var custom = options.Workflow.Statuses.Count > 0 || options.Workflow.Transitions.Count > 0;
        var statuses = BuildStatuses(custom ? options.Workflow.Statuses : JiraSiteDefaults.Statuses(), errors);
        var transitions = BuildTransitions(custom ? options.Workflow.Transitions : JiraSiteDefaults.Transitions(), statuses, errors);
        if (statuses.Count == 0)
        {
            errors.Add($"{Root}:Workflow:Statuses must not be empty when Transitions are given.");
            return null;
        }

        var initial = string.IsNullOrEmpty(options.Workflow.InitialStatusId)
            ? statuses[0]
            : statuses.FirstOrDefault(s => s.Id == options.Workflow.InitialStatusId);
        if (initial is null)
        {
            errors.Add($"{Root}:Workflow:InitialStatusId '{options.Workflow.InitialStatusId}' is not a status of the workflow.");
        }

        var approval = BuildApproval(options.Approval, custom, statuses, transitions, accounts, errors);
        return initial is null || approval is null ? null : new JiraWorkflow(statuses, transitions, initial, approval);
    }

    private static List<JiraStatus> BuildStatuses(List<JiraStatusOptions> configured, List<string> errors)
    {
        var statuses = new List<JiraStatus>();
        for (var i = 0; i < configured.Count; i++)
        {
            var s = configured[i];
            var category = JiraStatusCategory.FromKey(s.Category);
            if (string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Name) || category is null || statuses.Any(x => x.Id == s.Id))
            {
                errors.Add($"{Root}:Workflow:Statuses:{i}: needs a unique Id, a Name and a Category of new, indeterminate or done.");
                continue;
            }

            statuses.Add(new JiraStatus(s.Id, s.Name, category));
        }

        return statuses;
    }

    private static List<JiraTransition> BuildTransitions(List<JiraTransitionOptions> configured, List<JiraStatus> statuses, List<string> errors)
    {
        var transitions = new List<JiraTransition>();
        for (var i = 0; i < configured.Count; i++)
        {
            var t = configured[i];
            var key = $"{Root}:Workflow:Transitions:{i}";
            var to = statuses.FirstOrDefault(s => s.Id == t.To);
            var unknownFrom = t.From.Where(f => statuses.All(s => s.Id != f)).ToList();
            if (string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.Name) || transitions.Any(x => x.Id == t.Id))
            {
                errors.Add($"{key}: needs a unique Id and a Name.");
            }
            else if (to is null || t.From.Count == 0 || unknownFrom.Count > 0)
            {
                errors.Add($"{key}: To '{t.To}' and every From ({string.Join(", ", t.From)}) must be statuses of the workflow.");
            }
            else
            {
                transitions.Add(new JiraTransition(t.Id, t.Name, [.. t.From], to, [.. t.ScreenFields]));
            }
        }

        return transitions;
    }

    private static JiraApprovalStep? BuildApproval(
        JiraApprovalOptions options,
        bool customWorkflow,
        List<JiraStatus> statuses,
        List<JiraTransition> transitions,
        IReadOnlyList<JiraAccount> accounts,
        List<string> errors)
    {
        var statusId = Pick(options.StatusId, customWorkflow, JiraSiteDefaults.AwaitingApprovalId);
        var approvedId = Pick(options.ApprovedTransitionId, customWorkflow, JiraSiteDefaults.ApproveTransitionId);
        var rejectedId = Pick(options.RejectedTransitionId, customWorkflow, JiraSiteDefaults.DeclineTransitionId);
        var status = statuses.FirstOrDefault(s => s.Id == statusId);
        var approved = transitions.FirstOrDefault(t => t.Id == approvedId);
        var rejected = transitions.FirstOrDefault(t => t.Id == rejectedId);
        if (status is null || approved is null || rejected is null || !approved.IsAvailableFrom(status) || !rejected.IsAvailableFrom(status))
        {
            errors.Add($"{Root}:Approval: StatusId must be a status and ApprovedTransitionId/RejectedTransitionId transitions available from it.");
            return null;
        }

        var approvers = options.DefaultApproverAccountIds.Count > 0
            ? options.DefaultApproverAccountIds
            : accounts.Where(a => a.Role == JiraAccountRole.Agent).Select(a => a.AccountId).ToList();
        var unknown = approvers.Where(id => accounts.All(a => a.AccountId != id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{Root}:Approval:DefaultApproverAccountIds names unknown accounts: {string.Join(", ", unknown)}.");
            return null;
        }

        var name = string.IsNullOrWhiteSpace(options.Name) ? "Change approval" : options.Name;
        return new JiraApprovalStep(name, status, approved, rejected, options.RequiredApprovals, approvers);
    }

    private static string Pick(string configured, bool customWorkflow, string builtIn) =>
        !string.IsNullOrEmpty(configured) || customWorkflow ? configured : builtIn;
}
