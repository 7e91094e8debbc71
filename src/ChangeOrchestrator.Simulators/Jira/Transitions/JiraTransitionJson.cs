using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Transitions;

internal static class JiraTransitionJson
{
    public static JsonObject Render(JiraTransition transition, bool available, JiraLinks links, bool withFields)
    {
        var json = new JsonObject
        {
            ["id"] = transition.Id,
            ["name"] = transition.Name,
            ["to"] = JiraWorkflowJson.Status(transition.To, links),
            ["hasScreen"] = transition.ScreenFields.Count > 0,
            ["isGlobal"] = false,
            ["isInitial"] = false,
            ["isAvailable"] = available,
            ["isConditional"] = false,
            ["isLooped"] = false,
        };
        if (withFields)
        {
            var fields = new JsonObject();
            foreach (var field in transition.ScreenFields)
            {
                fields[field] = new JsonObject
                {
                    ["required"] = false,
                    ["name"] = field == "resolution" ? "Resolution" : field,
                    ["key"] = field,
                    ["operations"] = JiraJson.Strings(["set"]),
                    ["allowedValues"] = field == "resolution"
                        ? JiraJson.Array(JiraResolution.All.Select(r => JiraWorkflowJson.Resolution(r, links)))
                        : new JsonArray(),
                };
            }

            json["fields"] = fields;
        }

        return json;
    }
}
