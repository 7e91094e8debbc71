using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Patching.ChangeRequests;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// The approval of a change: its rolled-up <c>approval</c> field, and for a decision the deciding
/// sysapproval_approver record (the latest one in that state: the CAB's for a normal change) for who, when and why.
/// </summary>
internal static partial class ServiceNowApprovals
{
    private const string ApproverFields = "approver,state,sys_updated_on,comments";

    public static async Task<ApprovalStatus> ReadAsync(ServiceNowClient client, ServiceNowChangeRecord change, CancellationToken cancellationToken)
    {
        var decision = change.Approval switch
        {
            "requested" => ApprovalDecision.Pending,
            "approved" => ApprovalDecision.Approved,
            "rejected" => ApprovalDecision.Rejected,
            _ => ApprovalDecision.NotRequested,
        };
        if (decision is not (ApprovalDecision.Approved or ApprovalDecision.Rejected))
        {
            return new ApprovalStatus(decision);
        }

        var request = new RestRequest("api/now/table/sysapproval_approver")
            .AddQueryParameter("sysparm_query", $"sysapproval={change.SysId}^state={change.Approval}^ORDERBYDESCsys_updated_on")
            .AddQueryParameter("sysparm_fields", ApproverFields)
            .AddQueryParameter("sysparm_display_value", "all")
            .AddQueryParameter("sysparm_limit", "1");
        var rows = await client.SendAsync(request, "GET sysapproval_approver", cancellationToken) as JsonArray;

        // A standard change is approved by its model, without approver records.
        if (rows is not [{ } row, ..])
        {
            return new ApprovalStatus(decision);
        }

        var approver = ServiceNowJson.DisplayValue(row, "approver");
        return new ApprovalStatus(
            decision,
            approver.Length > 0 ? approver : null,
            ServiceNowJson.ParseDateTime(ServiceNowJson.Value(row, "sys_updated_on")),
            LatestJournalEntry(ServiceNowJson.DisplayValue(row, "comments")));
    }

    /// <summary>
    /// The newest entry of a journal field's display value, which lists entries newest first, each headed
    /// "2024-03-05 10:15:22 - Beth Anglin (Additional comments)".
    /// </summary>
    public static string? LatestJournalEntry(string journal)
    {
        var lines = journal.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => JournalHeader().IsMatch(l));
        if (start < 0)
        {
            return string.IsNullOrWhiteSpace(journal) ? null : journal.Trim();
        }

        var end = Array.FindIndex(lines, start + 1, l => JournalHeader().IsMatch(l));
        var text = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        return text.Length > 0 ? text : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} - .+ \(.+\)$")]
    private static partial Regex JournalHeader();
}
