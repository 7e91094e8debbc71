using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>
/// Issue properties (<c>/rest/api/3/issue/{key}/properties</c>): JSON an integration stores on an issue, and can
/// search with <c>issue.property[key].path = value</c> to find the issue it created (idempotent re-creation).
/// </summary>
internal static class JiraIssuePropertyEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/api/3/issue/{issueIdOrKey}/properties", List);
        rest.MapGet("/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", Get);
        rest.MapPut("/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", SetAsync);
        rest.MapDelete("/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", Delete);
    }

    private static IResult List(string issueIdOrKey, HttpContext context, JiraStore store)
    {
        var links = JiraLinks.From(context);
        return store.Use(state => state.FindIssue(issueIdOrKey) is not { } issue
            ? JiraErrors.NotFound()
            : JiraResults.Json(new JsonObject
            {
                ["keys"] = JiraJson.Array(issue.Properties.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode?)new JsonObject
                {
                    ["self"] = links.Api($"/rest/api/3/issue/{issue.Id}/properties/{Uri.EscapeDataString(k)}"),
                    ["key"] = k,
                })),
            }));
    }

    private static IResult Get(string issueIdOrKey, string propertyKey, JiraStore store) =>
        store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            return issue.Properties.TryGetValue(propertyKey, out var value)
                ? JiraResults.Json(new JsonObject { ["key"] = propertyKey, ["value"] = value?.DeepClone() })
                : JiraErrors.NotFound($"The property with key '{propertyKey}' does not exist.");
        });

    private static async Task<IResult> SetAsync(string issueIdOrKey, string propertyKey, HttpContext context, JiraStore store, CancellationToken cancellationToken)
    {
        JsonNode? value;
        try
        {
            value = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return JiraErrors.BadRequest("The property value must be valid JSON.");
        }

        var canWrite = context.JiraCaller().CanWrite;
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have permission to edit issues in this project.");
            }

            var created = !issue.Properties.ContainsKey(propertyKey);
            issue.Properties[propertyKey] = value;
            return created ? Results.StatusCode(StatusCodes.Status201Created) : Results.Ok();
        });
    }

    private static IResult Delete(string issueIdOrKey, string propertyKey, HttpContext context, JiraStore store)
    {
        var canWrite = context.JiraCaller().CanWrite;
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have permission to edit issues in this project.");
            }

            return issue.Properties.Remove(propertyKey)
                ? JiraResults.NoContent()
                : JiraErrors.NotFound($"The property with key '{propertyKey}' does not exist.");
        });
    }
}
