using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>
/// Field discovery: <c>/rest/api/3/field</c>, createmeta per project and issue type, editmeta per issue. Connectors
/// resolve the change type and the change custom field ids from these, never from constants.
/// </summary>
internal static class JiraFieldEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/api/3/field", (JiraSite site) =>
            JiraResults.Json(JiraJson.Array(site.Fields.All.Select(f => (JsonNode?)f.ToFieldJson()))));
        rest.MapGet("/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", IssueTypes);
        rest.MapGet("/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", CreateFields);
        rest.MapGet("/api/3/issue/{issueIdOrKey}/editmeta", EditFields);
    }

    private static IResult IssueTypes(string projectIdOrKey, HttpContext context, JiraSite site)
    {
        if (!site.IsProject(projectIdOrKey))
        {
            return JiraErrors.NotFound($"No project could be found with key '{projectIdOrKey}'.");
        }

        var links = JiraLinks.From(context);
        var (startAt, maxResults) = Paging(context);

        // Without the Create permission Jira returns no issue types rather than an error.
        var types = context.JiraCaller().CanWrite ? site.IssueTypes : [];
        return JiraResults.Json(new JsonObject
        {
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = types.Count,
            ["issueTypes"] = JiraJson.Array(types.Skip(startAt).Take(maxResults).Select(t => (JsonNode?)JiraWorkflowJson.IssueType(t, links))),
        });
    }

    private static IResult CreateFields(string projectIdOrKey, string issueTypeId, HttpContext context, JiraSite site)
    {
        if (!site.IsProject(projectIdOrKey))
        {
            return JiraErrors.NotFound($"No project could be found with key '{projectIdOrKey}'.");
        }

        if (site.FindIssueType(issueTypeId, null) is not { } issueType)
        {
            return JiraErrors.NotFound($"The issue type with id '{issueTypeId}' does not exist or is not in the project.");
        }

        var links = JiraLinks.From(context);
        var (startAt, maxResults) = Paging(context);
        var fields = JiraFieldMetaJson.ContextFields(issueType, site, links)
            .Concat(site.Fields.For(issueType).Where(f => f.IsWritable).Select(f => JiraFieldMetaJson.Render(f, links, withFieldId: true)))
            .ToList();
        return JiraResults.Json(new JsonObject
        {
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = fields.Count,
            ["fields"] = JiraJson.Array(fields.Skip(startAt).Take(maxResults)),
        });
    }

    private static IResult EditFields(string issueIdOrKey, HttpContext context, JiraStore store, JiraSite site)
    {
        var links = JiraLinks.From(context);
        var canWrite = context.JiraCaller().CanWrite;
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var fields = new JsonObject();
            if (canWrite)
            {
                foreach (var field in site.Fields.For(issue.IssueType).Where(f => f.IsWritable))
                {
                    fields[field.Id] = JiraFieldMetaJson.Render(field, links, withFieldId: false);
                }
            }

            return JiraResults.Json(new JsonObject { ["fields"] = fields });
        });
    }

    private static (int StartAt, int MaxResults) Paging(HttpContext context) =>
        (JiraQuery.Int(context.Request.Query["startAt"], 0, 0, int.MaxValue), JiraQuery.Int(context.Request.Query["maxResults"], 50, 1, 200));
}
