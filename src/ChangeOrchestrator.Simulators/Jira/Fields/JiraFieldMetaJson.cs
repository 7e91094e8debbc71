using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>Field metadata as createmeta and editmeta describe it: required, schema, operations, allowedValues.</summary>
internal static class JiraFieldMetaJson
{
    public static JsonObject Render(JiraFieldDefinition field, JiraLinks links, bool withFieldId)
    {
        var json = new JsonObject { ["required"] = field.Required };
        if (field.Schema is not null)
        {
            json["schema"] = field.Schema.ToJson();
        }

        json["name"] = field.Name;
        json["key"] = field.Id;
        if (withFieldId)
        {
            json["fieldId"] = field.Id;
        }

        json["hasDefaultValue"] = false;
        json["operations"] = JiraJson.Strings(field.Kind is JiraFieldKind.Labels or JiraFieldKind.Users ? ["add", "set", "remove"] : ["set"]);
        if (field.Kind == JiraFieldKind.Option)
        {
            json["allowedValues"] = JiraJson.Array(field.Options.Select(o => (JsonNode?)new JsonObject
            {
                ["self"] = links.Api("/rest/api/3/customFieldOption/" + o.Id),
                ["value"] = o.Value,
                ["id"] = o.Id,
            }));
        }

        return json;
    }

    /// <summary>The project and issue type entries createmeta lists first (required, with their one allowed value).</summary>
    public static IEnumerable<JsonObject> ContextFields(JiraIssueType issueType, JiraSite site, JiraLinks links)
    {
        yield return new JsonObject
        {
            ["required"] = true,
            ["schema"] = JiraFieldSchema.ForSystem("project", "project").ToJson(),
            ["name"] = "Project",
            ["key"] = "project",
            ["fieldId"] = "project",
            ["hasDefaultValue"] = false,
            ["operations"] = JiraJson.Strings(["set"]),
            ["allowedValues"] = new JsonArray(JiraWorkflowJson.Project(site.Project, links)),
        };
        yield return new JsonObject
        {
            ["required"] = true,
            ["schema"] = JiraFieldSchema.ForSystem("issuetype", "issuetype").ToJson(),
            ["name"] = "Issue Type",
            ["key"] = "issuetype",
            ["fieldId"] = "issuetype",
            ["hasDefaultValue"] = false,
            ["operations"] = new JsonArray(),
            ["allowedValues"] = new JsonArray(JiraWorkflowJson.IssueType(issueType, links)),
        };
    }
}
