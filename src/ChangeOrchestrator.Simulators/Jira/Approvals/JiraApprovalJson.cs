using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

internal static class JiraApprovalJson
{
    public static JsonObject Render(JiraApproval approval, JiraIssue issue, bool canAnswer, JiraSite site, JiraLinks links) => new()
    {
        ["id"] = approval.Id,
        ["name"] = approval.Name,
        ["finalDecision"] = approval.FinalDecision.ToWire(),
        ["canAnswerApproval"] = canAnswer,
        ["approvers"] = JiraJson.Array(approval.Approvers.Select(a => (JsonNode?)new JsonObject
        {
            ["approver"] = site.FindAccount(a.AccountId) is { } account
                ? JiraUserJson.RenderServiceDesk(account, links)
                : new JsonObject { ["accountId"] = a.AccountId },
            ["approverDecision"] = a.Decision.ToWire(),
        })),
        ["createdDate"] = JiraDates.ServiceDeskDate(approval.Created),
        ["completedDate"] = approval.Completed is { } completed ? JiraDates.ServiceDeskDate(completed) : null,
        ["_links"] = new JsonObject { ["self"] = links.Api($"/rest/servicedeskapi/request/{issue.Id}/approval/{approval.Id}") },
    };
}
