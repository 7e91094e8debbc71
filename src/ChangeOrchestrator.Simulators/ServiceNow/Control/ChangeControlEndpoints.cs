using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

internal static class ChangeControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/changes/{number}/approve", (HttpRequest request, string number, ServiceNowStore store, ApprovalDecisions decisions, CancellationToken cancellationToken) =>
            DecideAsync(request, number, approve: true, store, decisions, cancellationToken));
        control.MapPost("/changes/{number}/reject", (HttpRequest request, string number, ServiceNowStore store, ApprovalDecisions decisions, CancellationToken cancellationToken) =>
            DecideAsync(request, number, approve: false, store, decisions, cancellationToken));
    }

    /// <summary>Decides the pending approvals of the change's current stage on the approvers' behalf.</summary>
    private static async Task<IResult> DecideAsync(
        HttpRequest request, string number, bool approve, ServiceNowStore store, ApprovalDecisions decisions, CancellationToken cancellationToken)
    {
        var (body, error) = await ControlJson.ReadAsync(request, new ApprovalDecisionRequest(), cancellationToken);
        if (body is null)
        {
            return error!;
        }

        lock (store.Gate)
        {
            var change = store.Rows(ChangeRequestSchema.Table).FirstOrDefault(c => string.Equals(c["number"], number, StringComparison.OrdinalIgnoreCase));
            if (change is null)
            {
                return Results.Problem(title: $"No change {number}", statusCode: StatusCodes.Status404NotFound);
            }

            var decided = decisions.DecideAll(change, approve, body.Approver, body.Comment ?? "");
            if (decided == 0)
            {
                return Results.Problem(title: $"{number} has no pending approval" + (body.Approver is null ? "" : " for " + body.Approver),
                    statusCode: StatusCodes.Status409Conflict);
            }

            return Results.Ok(new { number = change["number"], decided, state = change["state"], approval = change["approval"] });
        }
    }
}
