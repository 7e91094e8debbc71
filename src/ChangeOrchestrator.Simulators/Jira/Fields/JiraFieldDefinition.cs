using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>One field of the site as <c>GET /rest/api/3/field</c> describes it, plus what the simulator needs to validate writes.</summary>
internal sealed record JiraFieldDefinition(
    string Id,
    string Name,
    JiraFieldKind Kind,
    JiraFieldSchema? Schema,
    IReadOnlyList<string> ClauseNames,
    IReadOnlyList<JiraFieldOption> Options,
    bool Required = false,
    bool ChangeOnly = false)
{
    public bool IsCustom => Id.StartsWith("customfield_", StringComparison.Ordinal);

    public bool IsWritable => Kind != JiraFieldKind.System;

    public JiraFieldOption? FindOption(string? id, string? value) =>
        id is not null
            ? Options.FirstOrDefault(o => o.Id == id)
            : Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal));

    public JsonObject ToFieldJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["key"] = Id,
            ["name"] = Name,
            ["untranslatedName"] = Name,
            ["custom"] = IsCustom,
            ["orderable"] = IsWritable,
            ["navigable"] = true,
            ["searchable"] = true,
            ["clauseNames"] = new JsonArray(ClauseNames.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
        if (Schema is not null)
        {
            json["schema"] = Schema.ToJson();
        }

        return json;
    }
}
