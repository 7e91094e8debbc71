using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>
/// <c>GET /approve</c> lists the changes waiting for a decision; each row posts its form to
/// <c>/approve/{approval sys_id}</c>, decided on the approver's behalf, then redirects back (post/redirect/get).
/// </summary>
internal static class ApprovalPageEndpoints
{
    public static void Map(IEndpointRouteBuilder root, string mountPath)
    {
        root.MapGet("/approve", (HttpContext context, ServiceNowStore store) =>
            Results.Content(ApprovalPageRenderer.Render(Pending(store), context.Request.Query["message"]), "text/html; charset=utf-8"));

        root.MapPost("/approve/{approvalSysId}", async (HttpContext context, string approvalSysId, ServiceNowStore store, ApprovalDecisions decisions, CancellationToken cancellationToken) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : null;
            var decision = form?["decision"].ToString();
            if (decision is not ("approve" or "reject"))
            {
                return Results.Content("<p>The decision must be approve or reject.</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            string message;
            lock (store.Gate)
            {
                if (store.Find(ApprovalSchema.Table, approvalSysId) is not { } approval)
                {
                    return Results.Content("<p>No such approval.</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
                }

                var approver = store.Find(UserSchema.Table, approval["approver"])?["user_name"] ?? "system";
                var number = store.Find(ChangeRequestSchema.Table, approval["sysapproval"])?["number"] ?? "";
                var error = decisions.Decide(approval, decision == "approve", form!["comment"].ToString(), approver);
                message = error?.Detail ?? $"{number} {(decision == "approve" ? "approved" : "rejected")}";
            }

            var page = $"{context.Request.PathBase}{mountPath.TrimEnd('/')}/approve?message={Uri.EscapeDataString(message)}";
            context.Response.Headers.Location = page;
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }).DisableAntiforgery();
    }

    private static List<PendingApproval> Pending(ServiceNowStore store)
    {
        lock (store.Gate)
        {
            return
            [
                .. store.Rows(ApprovalSchema.Table)
                    .Where(a => a["state"] == ApprovalValues.Requested)
                    .Select(a => (Approval: a, Change: store.Find(ChangeRequestSchema.Table, a["sysapproval"])))
                    .Where(p => p.Change is not null)
                    .Select(p => new PendingApproval(
                        p.Approval.SysId,
                        p.Change!["number"],
                        p.Change["short_description"],
                        p.Change["type"],
                        ChangeStates.Label(p.Change["state"]),
                        store.Find(UserSchema.Table, p.Approval["approver"])?["name"] ?? "",
                        p.Change["correlation_id"],
                        p.Approval[SystemFields.CreatedOn])),
            ];
        }
    }
}
