using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Where the correlation id lives on an issue: a label, which every site can search with JQL, and the issue property
/// <see cref="PropertyKey"/>, which holds the exact id (and, once closed, the outcome). Property search needs an app
/// to index the property, so the label is what finds the issue and the property what confirms it.
/// </summary>
internal static class JiraCorrelation
{
    public const string PropertyKey = "changeorchestrator";

    private const string LabelPrefix = "changeorchestrator-";

    public static string Label(string correlationId) => LabelPrefix + correlationId;

    public static string Jql(string projectKey, string correlationId) =>
        $"project = \"{projectKey}\" AND labels = \"{Label(correlationId)}\" ORDER BY created ASC";

    public static JsonObject Property(string correlationId) => new() { ["correlationId"] = correlationId };

    public static string? CorrelationIdOf(JsonNode? issue) => Text(issue?["properties"]?[PropertyKey]?["correlationId"]);

    public static string? OutcomeOf(JsonNode? issue) => Text(issue?["properties"]?[PropertyKey]?["outcome"]);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
