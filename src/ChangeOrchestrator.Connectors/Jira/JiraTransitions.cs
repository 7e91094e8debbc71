using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// An issue's transitions, found by the name of the status they lead to: ids differ per workflow and project, so
/// they are read from GET transitions every time and never configured.
/// </summary>
internal sealed class JiraTransitions(JiraClient client, ILogger logger)
{
    public async Task<JsonArray> ListAsync(JiraIssue issue, CancellationToken cancellationToken) =>
        (await client.SendAsync(new RestRequest($"rest/api/3/issue/{issue.Id}/transitions"), "GET issue transitions", cancellationToken))?["transitions"] as JsonArray ?? [];

    /// <summary>Runs the transition, with a comment (ADF) when one is given.</summary>
    public async Task RunAsync(JiraIssue issue, JsonNode transition, string? comment, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = transition["id"]?.GetValue<string>() } };
        if (comment is not null)
        {
            body["update"] = new JsonObject
            {
                ["comment"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["body"] = JiraAdf.Doc(comment) } }),
            };
        }

        await client.SendJsonAsync(new RestRequest($"rest/api/3/issue/{issue.Id}/transitions", Method.Post), body, "POST issue transitions", cancellationToken);
        JiraLog.StatusMoved(logger, issue.Key, issue.StatusName, transition["to"]?["name"]?.GetValue<string>() ?? "?");
    }

    /// <summary>The first available transition to a status of one of <paramref name="targetNames"/>.</summary>
    public static JsonNode? Find(JsonArray transitions, IReadOnlyList<string> targetNames) =>
        transitions.FirstOrDefault(t => t?["isAvailable"]?.GetValue<bool>() != false
            && targetNames.Contains(t?["to"]?["name"]?.GetValue<string>() ?? "", StringComparer.OrdinalIgnoreCase));

    public static ServiceDeskException NoTransition(JiraIssue issue, IReadOnlyList<string> targetNames, JsonArray transitions)
    {
        var offered = transitions.Select(t => $"{t?["name"]} → {t?["to"]?["name"]}").ToList();
        return new ServiceDeskException(JiraServiceDesk.DisplayName,
            $"Jira offers no transition from '{issue.StatusName}' to {string.Join(" / ", targetNames)} on {issue.Key}"
            + (offered.Count == 0 ? " (none is available now)" : $" (available: {string.Join(", ", offered)})"), isTransient: false);
    }
}
