using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>The stored values a write will set, and the comments its <c>update.comment</c> adds.</summary>
internal sealed record JiraFieldPlan(Dictionary<string, JsonNode?> Values, List<JsonNode> Comments);
