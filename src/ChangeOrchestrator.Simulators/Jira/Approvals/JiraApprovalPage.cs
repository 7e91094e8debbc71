using System.Net;
using System.Text;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

/// <summary>
/// The page a person uses to answer change approvals in the sandbox: every change awaiting approval with
/// Approve/Decline buttons that post plain forms to the control API.
/// </summary>
internal static class JiraApprovalPage
{
    public static void Map(IEndpointRouteBuilder site) => site.MapGet("/approve", Render);

    private static IResult Render(HttpContext context, JiraStore store, JiraSite site)
    {
        var mount = context.GetEndpoint()?.Metadata.GetMetadata<JiraMount>()?.Prefix ?? "";
        var basePath = context.Request.PathBase + mount;
        var rows = store.Use(state => state.Issues
            .Where(i => JiraApprovalEngine.Pending(i) is not null)
            .OrderBy(i => i.Number)
            .Select(i => Row(i, JiraApprovalEngine.Pending(i)!, site, basePath))
            .ToList());

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Changes awaiting approval</title>")
            .Append("<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left}form{display:inline}</style>")
            .Append("</head><body><h1>Changes awaiting approval — ").Append(Encode(site.Project.Name)).Append("</h1>");
        if (rows.Count == 0)
        {
            html.Append("<p id=\"empty\">No changes are awaiting approval.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Key</th><th>Summary</th><th>Change type</th><th>Risk</th><th>Planned start</th><th>Planned end</th><th>Approvers</th><th>Decision</th></tr></thead><tbody>");
            rows.ForEach(r => html.Append(r));
            html.Append("</tbody></table>");
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static string Row(JiraIssue issue, JiraApproval approval, JiraSite site, string basePath)
    {
        string Field(string name) =>
            site.Fields.For(issue.IssueType).FirstOrDefault(f => f.Name == name) is { } field
                ? JiraFieldValues.Describe(field, issue.Value(field.Id), site).Display ?? ""
                : "";
        var approvers = string.Join(", ", approval.Approvers.Select(a => $"{site.FindAccount(a.AccountId)?.DisplayName ?? a.AccountId} ({a.Decision.ToWire()})"));
        var action = $"{basePath}/_control/issues/{Uri.EscapeDataString(issue.Key)}";

        // The person answers as the first approver still to decide; with several required, the row stays for the next.
        var approver = approval.Approvers.FirstOrDefault(a => a.Decision == JiraApprovalDecision.Pending)?.AccountId ?? "";
        var asApprover = $"<input type=\"hidden\" name=\"accountId\" value=\"{Encode(approver)}\">";
        return $"<tr data-key=\"{Encode(issue.Key)}\"><td>{Encode(issue.Key)}</td><td>{Encode(Field("Summary"))}</td>"
            + $"<td>{Encode(Field("Change type"))}</td><td>{Encode(Field("Change risk"))}</td>"
            + $"<td>{Encode(Field("Change start date"))}</td><td>{Encode(Field("Change completion date"))}</td><td>{Encode(approvers)}</td>"
            + $"<td><form method=\"post\" action=\"{Encode(action)}/approve\">{asApprover}<button type=\"submit\">Approve</button></form> "
            + $"<form method=\"post\" action=\"{Encode(action)}/decline\">{asApprover}<button type=\"submit\">Decline</button></form></td></tr>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
