using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>The stored value a write produces, or the message Jira puts under the field in <c>errors</c>.</summary>
internal sealed record JiraFieldWrite(JsonNode? Stored, string? Error)
{
    public static JiraFieldWrite Ok(JsonNode? stored) => new(stored, null);

    public static JiraFieldWrite Fail(string error) => new(null, error);
}
