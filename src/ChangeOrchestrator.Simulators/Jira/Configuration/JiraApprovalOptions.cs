using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>
/// The approval step attached to a workflow status: who approves, how many must, and which transitions Jira runs
/// on the final decision. Empty ids mean the built-in workflow's ones.
/// </summary>
public sealed class JiraApprovalOptions
{
    public string Name { get; set; } = "Change approval";

    public string StatusId { get; set; } = "";

    public string ApprovedTransitionId { get; set; } = "";

    public string RejectedTransitionId { get; set; } = "";

    /// <summary>The "number" condition: approvals needed (0 means every approver); one decline decides.</summary>
    [Range(0, 100)]
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>Approvers when the Approvers field is empty; empty means the accounts whose role is Agent.</summary>
    public List<string> DefaultApproverAccountIds { get; set; } = [];

    /// <summary>Answering an approval by someone not on it: the real code is not documented (400/403/404 seen).</summary>
    [Range(400, 499)]
    public int NotApproverStatus { get; set; } = 403;

    /// <summary>Answering an approval already decided.</summary>
    [Range(400, 499)]
    public int AlreadyDecidedStatus { get; set; } = 400;
}
