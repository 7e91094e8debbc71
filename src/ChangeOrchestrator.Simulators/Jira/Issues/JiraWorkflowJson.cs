using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>Status, status category, issue type, project and resolution objects as issues and transitions embed them.</summary>
internal static class JiraWorkflowJson
{
    public static JsonObject Status(JiraStatus status, JiraLinks links) => new()
    {
        ["self"] = links.Api("/rest/api/3/status/" + status.Id),
        ["description"] = "",
        ["iconUrl"] = links.SiteBase + "/images/icons/statuses/generic.png",
        ["name"] = status.Name,
        ["untranslatedName"] = status.Name,
        ["id"] = status.Id,
        ["statusCategory"] = Category(status.Category, links),
    };

    public static JsonObject Category(JiraStatusCategory category, JiraLinks links) => new()
    {
        ["self"] = links.Api("/rest/api/3/statuscategory/" + category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["id"] = category.Id,
        ["key"] = category.Key,
        ["colorName"] = category.ColorName,
        ["name"] = category.Name,
    };

    public static JsonObject IssueType(JiraIssueType type, JiraLinks links) => new()
    {
        ["self"] = links.Api("/rest/api/3/issuetype/" + type.Id),
        ["id"] = type.Id,
        ["description"] = type.Description,
        ["iconUrl"] = links.SiteBase + "/rest/api/2/universal_avatar/view/type/issuetype/avatar/10300?size=medium",
        ["name"] = type.Name,
        ["untranslatedName"] = type.Name,
        ["subtask"] = false,
        ["hierarchyLevel"] = 0,
    };

    public static JsonObject Project(JiraProject project, JiraLinks links) => new()
    {
        ["self"] = links.Api("/rest/api/3/project/" + project.Id),
        ["id"] = project.Id,
        ["key"] = project.Key,
        ["name"] = project.Name,
        ["projectTypeKey"] = "service_desk",
        ["simplified"] = false,
    };

    public static JsonNode? Resolution(JiraResolution? resolution, JiraLinks links) => resolution is null ? null : new JsonObject
    {
        ["self"] = links.Api("/rest/api/3/resolution/" + resolution.Id),
        ["id"] = resolution.Id,
        ["description"] = resolution.Description,
        ["name"] = resolution.Name,
    };
}
