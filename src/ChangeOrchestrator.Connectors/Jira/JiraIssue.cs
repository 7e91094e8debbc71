using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>The parts of an issue the connector reads (see <see cref="Fields"/> and the correlation property).</summary>
internal sealed record JiraIssue(
    string Id,
    string Key,
    string Summary,
    string StatusName,
    string StatusCategory,
    string? CorrelationId,
    string? Outcome,
    IReadOnlyList<string> AttachmentNames,
    JsonObject? Property)
{
    public const string Fields = "summary,status,attachment";

    public ChangeReference Reference => new(JiraServiceDesk.DeskName, Key, Id);

    public static JiraIssue From(JsonNode? json)
    {
        var fields = json?["fields"];
        var attachments = fields?["attachment"] as JsonArray ?? [];
        return new JiraIssue(
            Text(json?["id"]) ?? "",
            Text(json?["key"]) ?? "",
            Text(fields?["summary"]) ?? "",
            Text(fields?["status"]?["name"]) ?? "",
            Text(fields?["status"]?["statusCategory"]?["key"]) ?? "",
            JiraCorrelation.CorrelationIdOf(json),
            JiraCorrelation.OutcomeOf(json),
            [.. attachments.Select(a => Text(a?["filename"])).OfType<string>()],
            json?["properties"]?[JiraCorrelation.PropertyKey] as JsonObject);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
