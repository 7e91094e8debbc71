using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

/// <summary>JSM approvals (<c>/rest/servicedeskapi/request/{key}/approval</c>): list, get, answer.</summary>
internal static class JiraApprovalEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/servicedeskapi/request/{issueIdOrKey}/approval", List);
        rest.MapGet("/servicedeskapi/request/{issueIdOrKey}/approval/{approvalId}", Get);
        rest.MapPost("/servicedeskapi/request/{issueIdOrKey}/approval/{approvalId}", AnswerAsync);
    }

    private static IResult List(string issueIdOrKey, HttpContext context, JiraStore store, JiraSite site, JiraApprovalEngine engine)
    {
        var query = context.Request.Query;
        var start = JiraQuery.Int(query["start"], 0, 0, int.MaxValue);
        var limit = JiraQuery.Int(query["limit"], 50, 1, 100);
        var links = JiraLinks.From(context);
        var account = context.JiraAccount();
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var page = issue.Approvals.Skip(start).Take(limit).ToList();
            var isLast = start + page.Count >= issue.Approvals.Count;
            var pageLinks = new JsonObject { ["base"] = links.SiteBase, ["context"] = "" };
            var self = links.Api($"/rest/servicedeskapi/request/{issue.Id}/approval");
            if (!isLast)
            {
                pageLinks["next"] = $"{self}?start={start + limit}&limit={limit}";
            }

            if (start > 0)
            {
                pageLinks["prev"] = $"{self}?start={Math.Max(0, start - limit)}&limit={limit}";
            }

            return JiraResults.Json(new JsonObject
            {
                ["size"] = page.Count,
                ["start"] = start,
                ["limit"] = limit,
                ["isLastPage"] = isLast,
                ["values"] = JiraJson.Array(page.Select(a => (JsonNode?)JiraApprovalJson.Render(a, issue, engine.CanAnswer(issue, a, account), site, links))),
                ["_links"] = pageLinks,
            });
        });
    }

    private static IResult Get(string issueIdOrKey, string approvalId, HttpContext context, JiraStore store, JiraSite site, JiraApprovalEngine engine)
    {
        var links = JiraLinks.From(context);
        var account = context.JiraAccount();
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            return issue.Approvals.FirstOrDefault(a => a.Id == approvalId) is { } approval
                ? JiraResults.Json(JiraApprovalJson.Render(approval, issue, engine.CanAnswer(issue, approval, account), site, links))
                : JiraErrors.NotFound($"The approval with id '{approvalId}' does not exist.");
        });
    }

    private static async Task<IResult> AnswerAsync(
        string issueIdOrKey,
        string approvalId,
        HttpContext context,
        JiraStore store,
        JiraSite site,
        JiraApprovalEngine engine,
        IOptions<JiraSimulatorOptions> options,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var decision = JiraJson.String(body.Json, "decision") switch
        {
            "approve" => JiraApprovalDecision.Approved,
            "decline" => JiraApprovalDecision.Declined,
            _ => (JiraApprovalDecision?)null,
        };
        if (decision is null)
        {
            return JiraErrors.Field("decision", "The decision must be 'approve' or 'decline'.");
        }

        var changeContext = JiraChangeContext.From(context, clock);
        var account = changeContext.Actor;
        var settings = options.Value.Approval;
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (issue.Approvals.FirstOrDefault(a => a.Id == approvalId) is not { } approval)
            {
                return JiraErrors.NotFound($"The approval with id '{approvalId}' does not exist.");
            }

            if (approval.Approver(account.AccountId) is null)
            {
                return JiraErrors.Message(settings.NotApproverStatus, "You are not an approver of this request and cannot answer the approval.");
            }

            if (!engine.CanAnswer(issue, approval, account))
            {
                return JiraErrors.Message(settings.AlreadyDecidedStatus, "This approval has already been decided and can no longer be answered.");
            }

            engine.Answer(state, issue, approval, [account.AccountId], decision.Value, changeContext);
            return JiraResults.Json(JiraApprovalJson.Render(approval, issue, engine.CanAnswer(issue, approval, account), site, changeContext.Links));
        });
    }
}
