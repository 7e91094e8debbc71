using System.Text;
using System.Text.Encodings.Web;

namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>The approver's page: plain HTML forms, so approving needs no script and works from any browser.</summary>
internal static class ApprovalPageRenderer
{
    public static string Render(IReadOnlyList<PendingApproval> pending, string? message)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Approvals - ServiceNow (simulated)</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4em;text-align:left}")
            .Append("form{display:flex;gap:.4em}</style></head><body>")
            .Append("<h1>My approvals</h1>");
        if (message is not null)
        {
            html.Append("<p class=\"message\">").Append(Encode(message)).Append("</p>");
        }

        if (pending.Count == 0)
        {
            html.Append("<p>No changes are waiting for approval.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Number</th><th>Short description</th><th>Type</th><th>Stage</th><th>Approver</th>")
                .Append("<th>Correlation ID</th><th>Requested</th><th>Decision</th></tr></thead><tbody>");
            foreach (var row in pending)
            {
                AppendRow(html, row);
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendRow(StringBuilder html, PendingApproval row)
    {
        html.Append("<tr data-number=\"").Append(Encode(row.Number)).Append("\">");
        foreach (var cell in new[] { row.Number, row.ShortDescription, row.Type, row.Stage, row.Approver, row.CorrelationId, row.RequestedOn })
        {
            html.Append("<td>").Append(Encode(cell)).Append("</td>");
        }

        html.Append("<td><form method=\"post\" action=\"approve/").Append(Encode(row.ApprovalSysId)).Append("\">")
            .Append("<input type=\"text\" name=\"comment\" placeholder=\"Comment\" aria-label=\"Comment\">")
            .Append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"reject\">Reject</button>")
            .Append("</form></td></tr>");
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
