using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>Responses written exactly as built: no naming policy or null handling of the host's JSON options applies.</summary>
internal static class JiraResults
{
    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(), "application/json;charset=UTF-8", Encoding.UTF8, statusCode);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);
}
