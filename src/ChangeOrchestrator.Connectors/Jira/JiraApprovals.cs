using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using ChangeOrchestrator.Patching.ChangeRequests;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// The JSM approval of a change (<c>/rest/servicedeskapi/request/{key}/approval</c>): the newest approval's final
/// decision, the approvers who decided it and when. JSM approvals carry no comment.
/// </summary>
internal static class JiraApprovals
{
    public static async Task<ApprovalStatus> ReadAsync(JiraClient client, JiraIssue issue, CancellationToken cancellationToken)
    {
        JsonNode? page;
        try
        {
            var request = new RestRequest($"rest/servicedeskapi/request/{issue.Id}/approval").AddQueryParameter("limit", "100");
            page = await client.SendAsync(request, "GET servicedeskapi approval", cancellationToken);
        }
        catch (ServiceDeskHttpException ex) when (ex.StatusCode == 404)
        {
            // The issue was just read, so 404 here means it is no JSM request: it has no approvals.
            return ApprovalStatus.NotRequested;
        }

        if ((page?["values"] as JsonArray)?.LastOrDefault() is not { } approval)
        {
            return ApprovalStatus.NotRequested;
        }

        var final = Text(approval["finalDecision"]);
        var decision = final switch
        {
            "approved" => ApprovalDecision.Approved,
            "declined" => ApprovalDecision.Rejected,
            _ => ApprovalDecision.Pending,
        };
        if (decision == ApprovalDecision.Pending)
        {
            return ApprovalStatus.Pending;
        }

        var deciders = (approval["approvers"] as JsonArray ?? [])
            .Where(a => Text(a?["approverDecision"]) == final)
            .Select(a => Text(a?["approver"]?["displayName"]) ?? Text(a?["approver"]?["accountId"]))
            .OfType<string>()
            .ToList();
        DateTimeOffset? decidedAt = approval["completedDate"]?["epochMillis"] is JsonValue millis && millis.TryGetValue<long>(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new ApprovalStatus(decision, deciders.Count > 0 ? string.Join(", ", deciders) : null, decidedAt);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
