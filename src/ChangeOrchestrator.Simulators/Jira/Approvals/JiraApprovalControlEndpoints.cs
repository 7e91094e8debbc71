using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

/// <summary>
/// <c>POST _control/issues/{key}/approve|decline</c>: answers the pending approval as every approver still pending
/// (or only as <c>accountId</c>, from the form or query). A form post (the approval page) is redirected back to the page.
/// </summary>
internal static class JiraApprovalControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapPost("/issues/{issueKey}/approve", (string issueKey, HttpContext context, JiraStore store, JiraSite site, JiraApprovalEngine engine, SimulatorClock clock, CancellationToken cancellationToken) =>
            DecideAsync(issueKey, JiraApprovalDecision.Approved, context, store, site, engine, clock, cancellationToken));
        control.MapPost("/issues/{issueKey}/decline", (string issueKey, HttpContext context, JiraStore store, JiraSite site, JiraApprovalEngine engine, SimulatorClock clock, CancellationToken cancellationToken) =>
            DecideAsync(issueKey, JiraApprovalDecision.Declined, context, store, site, engine, clock, cancellationToken));
    }

    private static async Task<IResult> DecideAsync(
        string issueKey,
        JiraApprovalDecision decision,
        HttpContext context,
        JiraStore store,
        JiraSite site,
        JiraApprovalEngine engine,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var fromForm = context.Request.HasFormContentType;
        var accountId = context.Request.Query["accountId"].ToString();
        if (fromForm)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            accountId = form["accountId"].ToString() is { Length: > 0 } posted ? posted : accountId;
        }

        var links = JiraLinks.From(context);
        var result = store.Use(state =>
        {
            if (state.FindIssue(issueKey) is not { } issue)
            {
                return Results.NotFound(new { error = $"Issue {issueKey} does not exist." });
            }

            if (JiraApprovalEngine.Pending(issue) is not { } approval)
            {
                return Results.Conflict(new { error = $"{issue.Key} has no approval awaiting a decision (status {issue.Status.Name})." });
            }

            var answering = approval.Approvers
                .Where(a => a.Decision == JiraApprovalDecision.Pending && (accountId.Length == 0 || a.AccountId == accountId))
                .Select(a => a.AccountId)
                .ToList();
            if (accountId.Length > 0 && answering.Count == 0)
            {
                return Results.Conflict(new { error = $"{accountId} is not a pending approver of {issue.Key}." });
            }

            var actorId = answering.FirstOrDefault() ?? site.Workflow.Approval.DefaultApproverAccountIds.FirstOrDefault() ?? site.Accounts[0].AccountId;
            var actor = site.FindAccount(actorId) ?? site.Accounts[0];
            engine.Answer(state, issue, approval, answering, decision, new JiraChangeContext(actor, links, clock.UtcNow), settle: accountId.Length == 0);
            return JiraResults.Json(new JsonObject
            {
                ["key"] = issue.Key,
                ["status"] = issue.Status.Name,
                ["approval"] = JiraApprovalJson.Render(approval, issue, false, site, links),
            });
        });

        // A browser form post gets the page back (303 See Other), so refreshing does not post the decision again.
        return fromForm && result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }
            ? new SeeOtherResult(ApprovePagePath(context))
            : result;
    }

    private static string ApprovePagePath(HttpContext context)
    {
        var mount = context.GetEndpoint()?.Metadata.GetMetadata<JiraMount>()?.Prefix ?? "";
        return $"{context.Request.PathBase}{mount}/approve";
    }
}
